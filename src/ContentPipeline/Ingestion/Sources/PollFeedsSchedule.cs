using Hangfire;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Ingestion.Sources;

/// <summary>At the web host's start: (re)registers poll-feeds with Ingestion:PollSchedule (UTC).</summary>
internal sealed class PollFeedsSchedule(IRecurringJobManager recurring, IOptions<IngestionOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<PollFeedsJob>(PollFeedsJob.RecurringId, j => j.RunAsync(CancellationToken.None), options.Value.PollSchedule,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
