using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace ContentPipeline.Jobs;

/// <summary>
/// Hangfire's jobs in the application's PostgreSQL database, schema "hangfire": every node sees one queue,
/// recurring jobs fire once for the cluster (Hangfire's distributed locks), and a job whose node died is
/// fetched again once its invisibility timeout lapses (kept sliding while the job runs, so a long send is not).
/// </summary>
internal static class PostgresJobStorage
{
    public const string Schema = "hangfire";

    /// <summary>The advisory lock the nodes take turns under while Hangfire installs or upgrades its schema ("CPhangfi").</summary>
    private const long SchemaLock = 0x435068616e676669;

    public static JobStorage Create(string connectionString, JobsOptions jobs)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromSeconds(jobs.QueuePollingSeconds),
            InvisibilityTimeout = TimeSpan.FromSeconds(jobs.InvisibilityTimeoutSeconds),
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = TimeSpan.FromSeconds(jobs.LockTimeoutSeconds),
        };
        // Nodes that start together would otherwise run Hangfire's install script at the same time.
        using var guard = new NpgsqlConnection(connectionString);
        guard.Open();
        using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({SchemaLock})", guard)) take.ExecuteNonQuery();
        try
        {
            // The constructor installs or upgrades the schema (PrepareSchemaIfNecessary).
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        }
        finally
        {
            using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({SchemaLock})", guard);
            release.ExecuteNonQuery();
        }
    }
}
