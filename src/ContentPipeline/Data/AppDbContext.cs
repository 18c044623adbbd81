using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ContentPipeline.Data;

/// <summary>
/// The application's data. This class is the SQLite model with its migrations in Data/Migrations;
/// <see cref="PostgresDbContext"/> is the same model on PostgreSQL with its own migrations.
/// </summary>
public class AppDbContext : DbContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options) { }

    /// <summary>For a provider's derived context, whose options name its own type (so its migrations are its own).</summary>
    protected AppDbContext(DbContextOptions options) : base(options) { }

    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Summary> Summaries => Set<Summary>();
    public DbSet<ScriptDraft> ScriptDrafts => Set<ScriptDraft>();
    public DbSet<Issue> Issues => Set<Issue>();
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<ModelCall> ModelCalls => Set<ModelCall>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<AdminUser> AdminUsers => Set<AdminUser>();
    public DbSet<Episode> Episodes => Set<Episode>();
    public DbSet<SpeechCall> SpeechCalls => Set<SpeechCall>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Article>(e =>
        {
            e.HasIndex(a => a.ContentHash).IsUnique();
            e.HasIndex(a => new { a.Status, a.IssueId });
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(a => a.Url);
            e.HasIndex(a => a.CreatedAt);
            e.HasOne<Source>().WithMany().HasForeignKey(a => a.SourceId).OnDelete(DeleteBehavior.SetNull);
        });
        model.Entity<Source>(e =>
        {
            e.HasIndex(s => s.Url).IsUnique();
            e.HasIndex(s => s.NextAttemptAt);
        });
        model.Entity<Summary>(e =>
        {
            e.HasIndex(s => new { s.ArticleId, s.PromptVersion }).IsUnique();
            e.HasOne<Article>().WithMany().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.Property(s => s.KeyPoints).HasConversion(StringList.Converter, StringList.Comparer);
            e.Property(s => s.Topics).HasConversion(StringList.Converter, StringList.Comparer);
        });
        model.Entity<ScriptDraft>(e =>
        {
            e.HasIndex(s => s.IssueId).IsUnique();
            e.HasOne<Issue>().WithMany().HasForeignKey(s => s.IssueId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Issue>(e =>
        {
            e.Property(i => i.State).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(i => i.State);
        });
        model.Entity<AdminUser>(e => e.HasIndex(a => a.NormalizedEmail).IsUnique());
        model.Entity<Subscriber>(e =>
        {
            e.HasIndex(s => s.NormalizedEmail).IsUnique();
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            // "Source" is the feed entity's name; the column keeps its name, so no data moves.
            e.Property(s => s.Origin).HasColumnName("Source");
        });
        model.Entity<ModelCall>(e =>
        {
            e.HasIndex(c => new { c.CacheKey, c.Outcome });
            e.HasIndex(c => c.ArticleId);
            e.HasIndex(c => c.IssueId);
            e.Property(c => c.CacheKey).HasMaxLength(64);
            e.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Cost).HasConversion<double>();
        });
        model.Entity<Episode>(e =>
        {
            e.HasIndex(x => x.IssueId).IsUnique();
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Issue>().WithMany().HasForeignKey(x => x.IssueId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<SpeechCall>(e =>
        {
            e.HasIndex(c => new { c.CacheKey, c.Outcome });
            e.HasIndex(c => c.IssueId);
            e.Property(c => c.CacheKey).HasMaxLength(64);
            e.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        });
        model.Entity<Delivery>(e =>
        {
            e.HasIndex(d => new { d.IssueId, d.SubscriberId }).IsUnique();
            e.HasIndex(d => new { d.IssueId, d.Batch, d.State });
            e.HasIndex(d => d.ClaimToken);
            e.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Issue>().WithMany().HasForeignKey(d => d.IssueId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Subscriber>().WithMany().HasForeignKey(d => d.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static class StringList
    {
        public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<string>, string> Converter = new(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => JsonSerializer.Deserialize<List<string>>(v, JsonSerializerOptions.Default) ?? new List<string>());

        public static readonly ValueComparer<List<string>> Comparer = new(
            (a, b) => a!.SequenceEqual(b!),
            v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())),
            v => v.ToList());
    }
}
