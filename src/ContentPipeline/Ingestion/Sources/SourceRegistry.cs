using ContentPipeline.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Ingestion.Sources;

public sealed record AddSourceResult(Source? Source, string? Error, bool Created);

/// <summary>The feeds poll-feeds fetches: added by canonical URL (so the same feed is never added twice), listed, removed.</summary>
public sealed class SourceRegistry(AppDbContext db, TimeProvider clock)
{
    public async Task<AddSourceResult> AddAsync(string url, bool? fetchFullText, CancellationToken cancellationToken)
    {
        if (CanonicalUrl.From(url) is not { } canonical) return new(null, $"'{url}' is not an http(s) URL", false);
        var existing = await db.Sources.SingleOrDefaultAsync(s => s.Url == canonical, cancellationToken);
        if (existing is not null) return new(existing, null, false);
        var now = clock.GetUtcNow().UtcDateTime;
        var source = new Source { Url = canonical, FetchFullText = fetchFullText, CreatedAt = now, NextAttemptAt = now };
        db.Sources.Add(source);
        await db.SaveChangesAsync(cancellationToken);
        return new(source, null, true);
    }

    public Task<List<Source>> ListAsync(CancellationToken cancellationToken) =>
        db.Sources.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);

    /// <summary>Removes the source; its articles stay, unlinked.</summary>
    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken) =>
        await db.Sources.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken) == 1;
}
