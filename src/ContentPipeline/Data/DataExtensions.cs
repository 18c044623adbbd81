using ContentPipeline.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Data;

public static class DataExtensions
{
    public const string ConnectionStringName = "ContentPipeline";
    private const string DefaultSqlite = "Data Source=data/contentpipeline.db";
    private static readonly SqlitePragmas Pragmas = new();

    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Provider == StorageProvider.Sqlite,
                "Storage:Provider=Postgres is not supported yet; use Sqlite (the default).")
            .ValidateOnStart();

        builder.Services.AddDbContext<AppDbContext>((sp, options) =>
        {
            var root = sp.GetRequiredService<ContentRoot>();
            var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
            options.UseSqlite(SqliteConnectionString(string.IsNullOrWhiteSpace(configured) ? DefaultSqlite : configured, root))
                .AddInterceptors(Pragmas)
                // SQLite rebuilds a table to add a foreign key; the warning that this runs outside a transaction is noise on every first run.
                .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning));
        });
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }

    /// <summary>Makes the file path absolute against the product folder and sets a busy timeout for concurrent writers.</summary>
    internal static string SqliteConnectionString(string configured, ContentRoot root)
    {
        SqliteConnectionStringBuilder csb;
        try
        {
            csb = new SqliteConnectionStringBuilder(configured);
        }
        catch (ArgumentException e)
        {
            throw new OptionsValidationException(ConnectionStringName, typeof(string),
                [$"ConnectionStrings:{ConnectionStringName} is not a valid SQLite connection string: {e.Message}"]);
        }
        if (csb.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
        {
            csb.DataSource = root.Resolve(file);
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }
        if (!configured.Contains("Timeout", StringComparison.OrdinalIgnoreCase)) csb.DefaultTimeout = 30;
        return csb.ToString();
    }
}
