using ContentPipeline.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace ContentPipeline.Data;

/// <summary>Which database this host uses, decided once at registration: the job storage follows it.</summary>
public sealed record Database(StorageProvider Provider, string? PostgresConnectionString);

public static class DataExtensions
{
    public const string ConnectionStringName = "ContentPipeline";
    private const string DefaultSqlite = "Data Source=data/contentpipeline.db";
    private static readonly SqlitePragmas Pragmas = new();

    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        // The provider decides which context type is registered, so the section is bound now rather than when options resolve.
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        var provider = Provider(builder.Configuration);
        var database = new Database(provider, provider == StorageProvider.Postgres ? PostgresConnectionString(configured) : null);
        builder.Services.AddSingleton(database);
        if (database.PostgresConnectionString is { } connectionString)
        {
            builder.Services.AddDbContext<AppDbContext, PostgresDbContext>(options => options.UseNpgsql(connectionString));
        }
        else
        {
            builder.Services.AddDbContext<AppDbContext>((sp, options) =>
            {
                var root = sp.GetRequiredService<ContentRoot>();
                options.UseSqlite(SqliteConnectionString(string.IsNullOrWhiteSpace(configured) ? DefaultSqlite : configured, root))
                    .AddInterceptors(Pragmas)
                    // SQLite rebuilds a table to add a foreign key; the warning that this runs outside a transaction is noise on every first run.
                    .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning));
            });
        }
        builder.Services.AddHostedService<DatabaseInitializer>();
        // Keys on disk beside the database (Storage:KeysDirectory), so links in mails sent by the CLI still work in the server
        // after a restart, and every node of a cluster reads the same.
        builder.Services.AddDataProtection().SetApplicationName("ContentPipeline");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ContentRoot, ILoggerFactory>((o, storage, root, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(root.Resolve(storage.Value.KeysDirectory)), logs));
        return builder;
    }

    /// <summary>Storage:Provider, bound from its section at registration; a value that is not a provider is a configuration error.</summary>
    private static StorageProvider Provider(IConfiguration configuration)
    {
        try
        {
            var provider = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.Provider ?? new StorageOptions().Provider;
            if (Enum.IsDefined(provider)) return provider;
        }
        catch (InvalidOperationException)
        {
            // Not a name of the enum: reported below with the value as given.
        }
        throw new OptionsValidationException(StorageOptions.Section, typeof(StorageOptions),
            [$"Storage:Provider '{configuration.GetSection(StorageOptions.Section)[nameof(StorageOptions.Provider)]}' is not known: use Sqlite (the default) or Postgres."]);
    }

    /// <summary>The PostgreSQL connection string, checked: it must be set (there is no default server) and parse.</summary>
    public static string PostgresConnectionString(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured) || configured.Contains("Data Source=", StringComparison.OrdinalIgnoreCase))
            throw new OptionsValidationException(ConnectionStringName, typeof(string),
                [$"ConnectionStrings:{ConnectionStringName} must name a PostgreSQL database when Storage:Provider is Postgres, " +
                 "for example Host=db.internal;Database=contentpipeline;Username=contentpipeline;Password=..."]);
        try
        {
            var csb = new NpgsqlConnectionStringBuilder(configured);
            if (string.IsNullOrWhiteSpace(csb.Host)) throw new ArgumentException("Host is missing");
            return csb.ConnectionString;
        }
        catch (ArgumentException e)
        {
            throw new OptionsValidationException(ConnectionStringName, typeof(string),
                [$"ConnectionStrings:{ConnectionStringName} is not a valid PostgreSQL connection string: {e.Message}"]);
        }
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
