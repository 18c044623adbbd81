namespace ContentPipeline.Jobs;

/// <summary>
/// Model and SMTP failures are handled inside the jobs; what still reaches Hangfire (a locked database,
/// a bug) gets a few quick retries, not Hangfire's default ten over a day. Used as
/// [AutomaticRetry(Attempts = PipelineRetry.Attempts, DelaysInSeconds = [...])] on every pipeline job.
/// </summary>
public static class PipelineRetry
{
    public const int Attempts = 3;
}
