namespace ContentPipeline.Hosting;

/// <summary>
/// What a host does besides the shared services: Web is `serve` (the web host, schedules, resuming work at start);
/// RunsJobs is `serve` and `digest` (a Hangfire server in this process). The other commands only read and write.
/// </summary>
public sealed record HostRole(bool Web, bool RunsJobs)
{
    public static HostRole Serve { get; } = new(Web: true, RunsJobs: true);

    public static HostRole Tool(bool runsJobs) => new(Web: false, RunsJobs: runsJobs);
}
