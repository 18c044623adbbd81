using System.ComponentModel;
using ContentPipeline.Data;
using ContentPipeline.Issues;
using ContentPipeline.Jobs;
using ContentPipeline.Newsletters;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Delivery;

/// <summary>
/// Sends one batch of an issue over one pooled connection. Deliveries are claimed a chunk at a time with a
/// conditional update before their SMTP transactions and marked sent after them (every ClaimChunk messages
/// or every second), so a rerun, a retry or a second worker never sends a message that is already marked
/// sent. A 4xx or a lost connection defers the message with backoff; a 5xx fails it. A crash between the
/// server's acceptance and the mark can repeat at most one unflushed chunk, after its lease runs out.
/// </summary>
[AutomaticRetry(Attempts = PipelineRetry.Attempts, DelaysInSeconds = [5, 30, 120])]
public sealed class SendBatchJob(AppDbContext db, DeliveryLedger ledger, IssueViews views, MessageFactory messages, IMailTransport transport,
    SendRateLimiter limiter, IssueFlow flow, IBackgroundJobClient jobs, IOptions<DeliveryOptions> options, TimeProvider clock,
    ILogger<SendBatchJob> logger) : IIssueStage
{
    public static IssueState State => IssueState.Sending;

    /// <summary>One job per batch that has work left; with none, the issue is done at once.</summary>
    public static async Task StartAsync(IssueStageContext context, long issueId, CancellationToken cancellationToken)
    {
        var batches = await context.Db.Deliveries.Where(d => d.IssueId == issueId && Open.Contains(d.State))
            .Select(d => d.Batch).Distinct().OrderBy(b => b).ToListAsync(cancellationToken);
        var total = await context.Db.Deliveries.Where(d => d.IssueId == issueId).MaxAsync(d => (int?)d.Batch, cancellationToken) ?? 0;
        foreach (var batch in batches)
            context.Jobs.Enqueue<SendBatchJob>(j => j.Run(issueId, batch, total, CancellationToken.None));
        if (batches.Count == 0) await SettleAsync(context.Db, context.Flow, issueId, cancellationToken);
    }

    /// <summary>After each batch (and a cancel, and a sweep that failed rows): the issue is sent only when no delivery is pending, in flight or deferred.</summary>
    public static async Task SettleAsync(AppDbContext db, IssueFlow flow, long issueId, CancellationToken cancellationToken)
    {
        if (await db.Deliveries.AnyAsync(d => d.IssueId == issueId && Open.Contains(d.State), cancellationToken)) return;
        await flow.CompleteAsync(issueId, State, cancellationToken);
    }

    private static readonly DeliveryState[] Open = [DeliveryState.Pending, DeliveryState.Sending, DeliveryState.Deferred];

    /// <summary>Send jobs have their own Hangfire queue and workers (Delivery:MaxConnections), so they neither starve nor are starved by the rest.</summary>
    public const string QueueName = "delivery";

    [Queue(QueueName)]
    [DisplayName("Send issue {0}, batch {1} of {2}")]
    public void Run(long issueId, int batch, int batches, CancellationToken cancellationToken)
    {
        var issue = db.Issues.AsNoTracking().SingleOrDefault(i => i.Id == issueId);
        if (issue is not { State: IssueState.Sending }) return;

        // Synchronous on Hangfire's worker thread (see IMailTransport); the stories are read only by the first batch of
        // the issue in this process, the others share its copies.
        var copies = messages.ForIssue(issueId, () => views.LoadAsync(issueId, issue.CreatedAt, cancellationToken).GetAwaiter().GetResult());
        using (var sender = new BatchSender(issueId, copies.Create, ledger, transport, limiter, options.Value, clock, logger))
            sender.Run(batch, cancellationToken);

        if (ledger.NextDue(issueId, batch) is { } next)
        {
            var delay = next - clock.GetUtcNow().UtcDateTime;
            jobs.Schedule<SendBatchJob>(j => j.Run(issueId, batch, batches, CancellationToken.None),
                delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay);
        }
        SettleAsync(db, flow, issueId, cancellationToken).GetAwaiter().GetResult();
    }
}
