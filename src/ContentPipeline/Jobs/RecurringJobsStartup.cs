using ContentPipeline.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Jobs;

/// <summary>
/// At start: (re)registers daily-digest with its cron and time zone, and re-enqueues the next job of every
/// unfinished issue, so a restart (which empties in-memory job storage) loses no work.
/// </summary>
internal sealed class RecurringJobsStartup(IRecurringJobManager recurring, IServiceScopeFactory scopes, IOptions<DigestOptions> digest,
    ILogger<RecurringJobsStartup> logger) : IHostedService
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
