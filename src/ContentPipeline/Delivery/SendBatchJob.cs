using System.ComponentModel;
using ContentPipeline.Data;
using ContentPipeline.Jobs;
using ContentPipeline.Newsletters;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Delivery;

/// <summary>
/// Sends one batch of an issue over one connection. Each delivery is claimed with a conditional update
/// before its SMTP transaction and marked after it, so a rerun, a retry or a second worker never sends
/// a message that is already sent. A 4xx or a lost connection defers the message with backoff; a 5xx
/// fails it. Only a crash between the server's acceptance and the "sent" mark can repeat one message,
/// and only after the claim's lease (Delivery:LeaseSeconds) runs out.
/// </summary>
[Hangfire.AutomaticRetry(Attempts = PipelineRetry.Attempts, DelaysInSeconds = [5, 30, 120])]
public sealed class SendBatchJob(AppDbContext db, IssueStories stories, NewsletterRenderer renderer, MessageFactory messages,
    IMailTransport transport, IssueFlow flow, IBackgroundJobClient jobs, IOptions<DeliveryOptions> options,
    TimeProvider clock, ILogger<SendBatchJob> logger)
{
    [DisplayName("Send issue #{0}, batch {1}")]
    public async Task RunAsync(long issueId, int batch, CancellationToken cancellationToken)
    {
        var issue = await db.Issues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == issueId, cancellationToken);
        if (issue is not { State: IssueState.Sending }) return;

        var o = options.Value;
        var candidates = await Due(issueId, batch).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(cancellationToken);
        if (candidates.Count > 0)
        {
            var model = renderer.Model(issueId, issue.CreatedAt, await stories.LoadAsync(issueId, cancellationToken));
            IMailSession? session = null;
            try
            {
                foreach (var id in candidates)
                {
                    if (!await ClaimAsync(issueId, batch, id, cancellationToken)) continue;
                    session ??= await OpenOrDeferAsync(id, cancellationToken);
                    if (session is null) break;
                    if (!await SendOneAsync(session, model, id, cancellationToken))
                    {
                        await session.DisposeAsync();
                        session = null;
                    }
                }
            }
            finally
            {
                if (session is not null) await session.DisposeAsync();
            }
        }

        await ScheduleDeferredAsync(issueId, batch, cancellationToken);
        await flow.DeliverySettledAsync(issueId, cancellationToken);
    }

    /// <summary>Deliveries this batch may take now: new ones, deferred ones whose time has come, and claims whose lease ran out.</summary>
    private IQueryable<Data.Delivery> Due(long issueId, int batch)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseStart = now.AddSeconds(-options.Value.LeaseSeconds);
        return db.Deliveries.Where(d => d.IssueId == issueId && d.Batch == batch
            && (d.State == DeliveryState.Pending
                || (d.State == DeliveryState.Deferred && d.NextAttemptAt <= now)
                || (d.State == DeliveryState.Sending && d.ClaimedAt < leaseStart)));
    }

    private async Task<bool> ClaimAsync(long issueId, int batch, long deliveryId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await Due(issueId, batch).Where(d => d.Id == deliveryId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Sending).SetProperty(d => d.ClaimedAt, now)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken) == 1;
    }

    private async Task<IMailSession?> OpenOrDeferAsync(long deliveryId, CancellationToken cancellationToken)
    {
        try
        {
            return await transport.OpenAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && SendFailure.Classify(e) is { } failure)
        {
            logger.LogWarning("Cannot reach the mail server: {Reason}", failure.Reason);
            await RecordFailureAsync(deliveryId, failure with { Temporary = true }, cancellationToken);
            return null;
        }
    }

    /// <summary>False when the connection is no longer usable.</summary>
    private async Task<bool> SendOneAsync(IMailSession session, NewsletterModel model, long deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var subscriber = await db.Subscribers.AsNoTracking().SingleAsync(s => s.Id == delivery.SubscriberId, cancellationToken);
        if (subscriber.Status != SubscriberStatus.Active)
        {
            await RecordFailureAsync(deliveryId, new SendFailure(false, false, $"subscriber is {subscriber.Status.ToString().ToLowerInvariant()}"),
                cancellationToken);
            return true;
        }

        var message = messages.Create(model, subscriber, delivery.MessageId);
        try
        {
            await session.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && SendFailure.Classify(e) is { } failure)
        {
            await RecordFailureAsync(deliveryId, failure, cancellationToken);
            return !failure.ConnectionLost;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Deliveries.Where(d => d.Id == deliveryId).ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Sent)
            .SetProperty(d => d.SentAt, now).SetProperty(d => d.LastError, (string?)null), CancellationToken.None);
        return true;
    }

    private async Task RecordFailureAsync(long deliveryId, SendFailure failure, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var o = options.Value;
        var giveUp = !failure.Temporary || delivery.Attempts >= o.MaxAttempts;
        delivery.State = giveUp ? DeliveryState.Failed : DeliveryState.Deferred;
        delivery.NextAttemptAt = giveUp ? null : clock.GetUtcNow().UtcDateTime + o.RetryDelay(delivery.Attempts);
        delivery.LastError = failure.Reason;
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Delivery {DeliveryId} {State} after attempt {Attempt}: {Reason}",
            deliveryId, delivery.State, delivery.Attempts, failure.Reason);
    }

    /// <summary>Deferred messages come back in a later run of this batch, at the earliest retry time.</summary>
    private async Task ScheduleDeferredAsync(long issueId, int batch, CancellationToken cancellationToken)
    {
        var next = await db.Deliveries.Where(d => d.IssueId == issueId && d.Batch == batch
                && (d.State == DeliveryState.Deferred || d.State == DeliveryState.Pending))
            .MinAsync(d => (DateTime?)(d.NextAttemptAt ?? DateTime.MinValue), cancellationToken);
        if (next is null) return;
        var delay = next.Value - clock.GetUtcNow().UtcDateTime;
        jobs.Schedule<SendBatchJob>(j => j.RunAsync(issueId, batch, CancellationToken.None), delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay);
    }
}
