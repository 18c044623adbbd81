using System.ComponentModel;
using ContentPipeline.Data;
using ContentPipeline.Issues;
using ContentPipeline.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Delivery;

/// <summary>
/// Writes one Delivery row per active subscriber, numbered into batches from 1, in one statement. The unique
/// (issue, subscriber) key makes a rerun add only what is missing; then one send job per batch.
/// </summary>
[Hangfire.AutomaticRetry(Attempts = PipelineRetry.Attempts, DelaysInSeconds = [5, 30, 120])]
public sealed class FanOutDeliveriesJob(AppDbContext db, MessageFactory messages, IssueFlow flow, IOptions<DeliveryOptions> options,
    ILogger<FanOutDeliveriesJob> logger) : IIssueStage
{
    public static IssueState State => IssueState.FanningOut;

    public static Task StartAsync(IssueStageContext context, long issueId, CancellationToken cancellationToken) =>
        context.Enqueue<FanOutDeliveriesJob>(j => j.RunAsync(issueId, CancellationToken.None));

    [DisplayName("Fan out deliveries of issue #{0}")]
    public async Task RunAsync(long issueId, CancellationToken cancellationToken)
    {
        if (!await db.Issues.AnyAsync(i => i.Id == issueId && i.State == IssueState.FanningOut, cancellationToken)) return;

        var batchSize = options.Value.BatchSize;
        var added = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Deliveries" ("IssueId", "SubscriberId", "Batch", "State", "Attempts", "MessageId")
            SELECT {issueId}, s."Id", (ROW_NUMBER() OVER (ORDER BY s."Id") - 1) / {batchSize} + 1, 'Pending', 0,
                   'issue-' || {issueId} || '.sub-' || s."Id" || '@' || {messages.Domain}
            FROM "Subscribers" AS s
            WHERE s."Status" = 'Active'
            ON CONFLICT ("IssueId", "SubscriberId") DO NOTHING
            """, cancellationToken);
        logger.LogInformation("Issue {IssueId}: {Count} deliveries fanned out in batches of {BatchSize}", issueId, added, batchSize);
        await flow.CompleteAsync(issueId, State, cancellationToken);
    }
}
