using ContentPipeline.Data;
using ContentPipeline.Issues;
using Hangfire;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Delivery;

/// <summary>
/// Runs beside each job server and, every half lease, hands work that no job is doing back to the queue: claims
/// left by a node that died and retries whose scheduled job never came. Hangfire normally covers both (a dead
/// node's job is fetched again, a retry is scheduled), but a node that dies holding one of Hangfire's locks can
/// stall its scheduler for the lock's timeout; this does not depend on it. It enqueues directly, and a job for a
/// batch that another worker is already sending only finds nothing left to claim.
/// </summary>
internal sealed class DeliveryWatchdog(IServiceScopeFactory scopes, IBackgroundJobClient jobs, IOptions<DeliveryOptions> options,
    TimeProvider clock, ILogger<DeliveryWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Clamp(options.Value.LeaseSeconds / 2.0, 2, 60));
        using var timer = new PeriodicTimer(period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await SweepAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var stalled = await scope.ServiceProvider.GetRequiredService<DeliveryLedger>().RecoverStalledAsync(cancellationToken);
            foreach (var (issueId, batch, batches) in stalled.Batches)
                jobs.Enqueue<SendBatchJob>(j => j.Run(issueId, batch, batches, CancellationToken.None));
            var (db, flow) = (scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<IssueFlow>());
            foreach (var issueId in stalled.IssuesWithFailures) await SendBatchJob.SettleAsync(db, flow, issueId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may be briefly unreachable; the next sweep tries again.
            logger.LogWarning(e, "The delivery watchdog could not look for stalled sends");
        }
    }
}
