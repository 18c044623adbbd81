using ContentPipeline.Data;
using ContentPipeline.Ingestion;
using ContentPipeline.Ingestion.Sources;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Jobs;

/// <summary>
/// At start: (re)registers daily-digest and poll-feeds with their schedules, and re-enqueues the next job of every
/// unfinished issue, so a restart (which empties in-memory job storage) loses no work. With jobs in PostgreSQL a node
/// that joins a live cluster leaves that to the nodes already running: their queued jobs survived, and queueing every
/// open batch again on each start would only multiply idle work (harmless, the jobs are idempotent, but wasteful).
/// </summary>
internal sealed class RecurringJobsStartup(IRecurringJobManager recurring, JobStorage storage, IServiceScopeFactory scopes,
    IOptions<DigestOptions> digest, IOptions<IngestionOptions> ingestion, TimeProvider clock, ILogger<RecurringJobsStartup> logger) : IHostedService
{
    private static readonly TimeSpan AliveWithin = TimeSpan.FromMinutes(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = digest.Value;
        try
        {
            recurring.AddOrUpdate<DailyDigestJob>(DailyDigestJob.RecurringId, j => j.RunAsync(CancellationToken.None), o.Schedule,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone) });
        }
        catch (ArgumentException e)
        {
            throw new OptionsValidationException(DigestOptions.Section, typeof(DigestOptions),
                [$"Digest:Schedule '{o.Schedule}' is not a valid cron expression: {e.Message}"]);
        }
        try
        {
            recurring.AddOrUpdate<PollFeedsJob>(PollFeedsJob.RecurringId, j => j.RunAsync(CancellationToken.None), ingestion.Value.PollSchedule,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        catch (ArgumentException e)
        {
            throw new OptionsValidationException(IngestionOptions.Section, typeof(IngestionOptions),
                [$"Ingestion:PollSchedule '{ingestion.Value.PollSchedule}' is not a valid cron expression: {e.Message}"]);
        }

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
