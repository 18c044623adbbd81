using System.ComponentModel;
using ContentPipeline.Data;
using ContentPipeline.Ingestion.Web;
using ContentPipeline.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Ingestion.Sources;

/// <summary>
/// The recurring poll-feeds job: fetches every source that is due, with conditional GET, one request at a
/// time per host with a pause between, and stores new items. A failing source records its error and backs
/// off; it never stops the others, and the job itself does not fail for a source's sake.
/// </summary>
[AutomaticRetry(Attempts = PipelineRetry.Attempts, DelaysInSeconds = [5, 30, 120])]
public sealed class PollFeedsJob(IServiceScopeFactory scopes, IOptions<IngestionOptions> options, TimeProvider clock, ILogger<PollFeedsJob> logger)
{
    public const string RecurringId = "poll-feeds";
    private const int HostsAtOnce = 4;

    [DisplayName("Poll feeds")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        List<Source> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = clock.GetUtcNow().UtcDateTime;
            due = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Sources.AsNoTracking()
                .Where(s => s.NextAttemptAt <= now).OrderBy(s => s.NextAttemptAt).ToListAsync(cancellationToken);
        }
        var delay = TimeSpan.FromSeconds(options.Value.PerHostDelaySeconds);
        await Parallel.ForEachAsync(due.GroupBy(s => new Uri(s.Url).Host), new ParallelOptions { MaxDegreeOfParallelism = HostsAtOnce, CancellationToken = cancellationToken },
            async (host, ct) =>
            {
                var first = true;
                foreach (var source in host)
                {
                    if (!first) await Task.Delay(delay, clock, ct);
                    first = false;
                    await PollAsync(source, ct);
                }
            });
    }

    private async Task PollAsync(Source source, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Sources.SingleOrDefaultAsync(s => s.Id == source.Id, cancellationToken);
        if (row is null) return;
        row.LastFetchedAt = now;
        try
        {
            var fetched = await services.GetRequiredService<WebFetcher>().GetAsync(new Uri(row.Url), row.ETag, row.LastModified, cancellationToken);
            if (!fetched.NotModified)
            {
                var read = await services.GetRequiredService<ArticleReader>().FromFetchedAsync(fetched, cancellationToken, feedOnly: true, row.FetchFullText);
                var store = services.GetRequiredService<ArticleStore>();
                foreach (var document in read.Documents)
                {
                    try
                    {
                        if ((await store.StoreAsync(document, cancellationToken, row.Id)).IsNew) row.ArticlesStored++;
                    }
                    catch (IngestException e)
                    {
                        logger.LogInformation("Source {SourceId}: item {Item} skipped: {Reason}", row.Id, document.Url, e.Message);
                    }
                }
                (row.ETag, row.LastModified) = (fetched.ETag, fetched.LastModified);
            }
            (row.LastSuccessAt, row.LastError, row.ConsecutiveFailures) = (now, null, 0);
            row.NextAttemptAt = now.AddMinutes(o.PollIntervalMinutes);
        }
        catch (IngestException e)
        {
            row.ConsecutiveFailures++;
            row.LastError = e.Message;
            var backoff = TimeSpan.FromMinutes(o.PollIntervalMinutes * Math.Pow(2, row.ConsecutiveFailures - 1));
            var cap = TimeSpan.FromHours(o.MaxBackoffHours);
            row.NextAttemptAt = now + (backoff < cap ? backoff : cap);
            logger.LogWarning("Source {SourceId} ({Url}) failed {Failures} time(s) in a row: {Reason}; next attempt {Next:u}",
                row.Id, row.Url, row.ConsecutiveFailures, e.Message, row.NextAttemptAt);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
