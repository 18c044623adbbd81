using System.ComponentModel.DataAnnotations;

namespace ContentPipeline.Jobs;

/// <summary>Jobs: the Hangfire server inside the host.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    [Range(1, 100)]
    public int WorkerCount { get; set; } = 8;

    /// <summary>How often scheduled jobs (retries, deferred sends) are looked for.</summary>
    [Range(0.1, 600)]
    public double SchedulePollingSeconds { get; set; } = 15;

    /// <summary>Postgres job storage: how often an idle worker looks for a new job.</summary>
    [Range(0.1, 600)]
    public double QueuePollingSeconds { get; set; } = 1;

    /// <summary>Postgres job storage: a job fetched by a node that stopped answering is fetched again after this.</summary>
    [Range(5, 86_400)]
    public int InvisibilityTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// Postgres job storage: a lock of Hangfire's (its scheduler's, a job's state) left by a node that died is broken
    /// after this. Hangfire holds its locks for milliseconds; the library's default of 10 minutes would stall
    /// scheduled jobs that long after a crash.
    /// </summary>
    [Range(5, 3_600)]
    public int LockTimeoutSeconds { get; set; } = 60;
}
