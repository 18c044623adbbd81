using ContentPipeline.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Issues;

/// <summary>
/// At the web host's start: (re)registers daily-digest with its schedule, and resumes every unfinished issue, so a
/// restart (which empties in-memory job storage) loses no work. With jobs in PostgreSQL a node that joins a live
/// cluster leaves that to the nodes already running: their queued jobs survived, and queueing every open batch again
/// on each start would only multiply idle work (harmless, the jobs are idempotent, but wasteful).
/// </summary>
internal sealed class IssueSchedule(IRecurringJobManager recurring, JobStorage storage, IServiceScopeFactory scopes,
    IOptions<DigestOptions> digest, TimeProvider clock, ILogger<IssueSchedule> logger) : IHostedService
{
    private static readonly TimeSpan AliveWithin = TimeSpan.FromMinutes(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = digest.Value;
        recurring.AddOrUpdate<DailyDigestJob>(DailyDigestJob.RecurringId, j => j.RunAsync(CancellationToken.None), o.Schedule,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone) });

        if (storage is not Hangfire.InMemory.InMemoryStorage && OtherNodeAlive())
        {
            logger.LogInformation("Other nodes are running; their queued jobs carry the unfinished issues");
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var flow = scope.ServiceProvider.GetRequiredService<IssueFlow>();
        var unfinished = await db.Issues.Where(i => i.State != IssueState.Sent && i.State != IssueState.Failed)
            .Select(i => i.Id).ToListAsync(cancellationToken);
        foreach (var id in unfinished)
        {
            logger.LogInformation("Resuming unfinished issue {IssueId}", id);
            await flow.ResumeAsync(id, cancellationToken);
        }
    }

    /// <summary>A Hangfire server of another process has sent a heartbeat within the last minute.</summary>
    private bool OtherNodeAlive()
    {
        var own = $"{Environment.MachineName}:{Environment.ProcessId}:";
        var since = clock.GetUtcNow().UtcDateTime - AliveWithin;
        return storage.GetMonitoringApi().Servers()
            .Any(s => !s.Name.StartsWith(own, StringComparison.Ordinal) && s.Heartbeat is { } beat && beat > since);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
