using ContentPipeline.Data;
using ContentPipeline.Ingestion;
using ContentPipeline.Ingestion.Sources;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Jobs;

/// <summary>
/// At start: (re)registers daily-digest and poll-feeds with their schedules, and re-enqueues the next job of every
/// unfinished issue, so a restart (which empties in-memory job storage) loses no work.
/// </summary>
internal sealed class RecurringJobsStartup(IRecurringJobManager recurring, IServiceScopeFactory scopes, IOptions<DigestOptions> digest,
    IOptions<IngestionOptions> ingestion, ILogger<RecurringJobsStartup> logger) : IHostedService
{
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
