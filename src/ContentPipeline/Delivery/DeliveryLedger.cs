using System.Text.Json;
using ContentPipeline.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Delivery;

/// <summary>A delivery a worker has claimed, with the subscriber it goes to.</summary>
public sealed record ClaimedDelivery(long Id, string MessageId, int Attempts, Subscriber Subscriber, Guid ClaimToken);

/// <summary>A batch of an issue that has work no job is doing.</summary>
public readonly record struct StalledBatch(long IssueId, int Batch, int Batches);

/// <summary>What a sweep found: batches to queue again, and issues some of whose deliveries it failed for good (they may now be done).</summary>
public sealed record StalledWork(IReadOnlyList<StalledBatch> Batches, IReadOnlyList<long> IssuesWithFailures);

/// <summary>
/// The Delivery rows of a send: claimed a chunk at a time with one conditional UPDATE (two workers never
/// take the same row), read back with their subscribers in one query, and marked sent in batches, only
/// ever after the server accepted the messages. The send path is synchronous, as the send worker is (see
/// <see cref="IMailTransport"/>); the watchdog's sweep is not.
/// </summary>
public sealed class DeliveryLedger(AppDbContext db, LedgerWriteGate gate, IOptions<DeliveryOptions> options, TimeProvider clock,
    ILogger<DeliveryLedger> logger)
{
    public IReadOnlyList<ClaimedDelivery> Claim(long issueId, int batch, int count, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        var now = Now;
        int claimed;
        using (gate.Enter(cancellationToken))
        {
            // SQLite has one writer at a time, so the conditional update alone makes the claim atomic; PostgreSQL
            // skips rows that another node is claiming at that moment.
            claimed = ClaimRows(issueId, batch, count, token, now, skipLocked: !db.Database.IsSqlite());
        }
        if (claimed == 0) return [];
        return db.Deliveries.AsNoTracking().Where(d => d.ClaimToken == token).OrderBy(d => d.Id)
            .Join(db.Subscribers.AsNoTracking(), d => d.SubscriberId, s => s.Id, (d, s) => new ClaimedDelivery(d.Id, d.MessageId, d.Attempts, s, token))
            .ToList();
    }

    /// <summary>Records messages the server accepted. Not cancellable: the mail is out, the row must say so.</summary>
    public void MarkSent(IReadOnlyCollection<ClaimedDelivery> accepted)
    {
        if (accepted.Count == 0) return;
        var now = Now;
        var ids = accepted.Select(d => d.Id).ToArray();
        using var _ = gate.Enter(CancellationToken.None);
        // In SQL for the reason the claim is: it runs once per chunk on the send path.
        if (db.Database.IsSqlite()) db.Database.ExecuteSqlRaw(MarkSentSql + "IN (SELECT value FROM json_each({1}))", now, JsonSerializer.Serialize(ids));
        else db.Database.ExecuteSqlRaw(MarkSentSql + "= ANY({1})", now, ids);
        var bounced = accepted.Where(d => d.Subscriber.HardBounces > 0).Select(d => d.Subscriber.Id).ToList();
        if (bounced.Count > 0)
            db.Subscribers.Where(s => bounced.Contains(s.Id)).ExecuteUpdate(s => s.SetProperty(x => x.HardBounces, 0));
    }

    /// <summary>Defers a temporary failure with backoff, or fails the delivery; a permanent refusal of the recipient counts towards a bounce.</summary>
    public DeliveryState RecordFailure(ClaimedDelivery delivery, SendFailure failure)
    {
        var o = options.Value;
        var now = Now;
        var giveUp = !failure.Temporary || delivery.Attempts >= o.MaxAttempts;
        var state = giveUp ? DeliveryState.Failed : DeliveryState.Deferred;
        DateTime? next = giveUp ? null : now + o.RetryDelay(delivery.Attempts);
        var reason = failure.Reason.Length <= MaxReasonLength ? failure.Reason : failure.Reason[..MaxReasonLength] + "…";
        if (giveUp && failure.Temporary) reason = $"gave up after {delivery.Attempts} attempt(s): {reason}";
        using var _ = gate.Enter(CancellationToken.None);
        db.Deliveries.Where(d => d.Id == delivery.Id).ExecuteUpdate(s => s.SetProperty(d => d.State, state)
            .SetProperty(d => d.NextAttemptAt, next).SetProperty(d => d.LastError, reason).SetProperty(d => d.ClaimToken, (Guid?)null));
        logger.LogInformation("Delivery {DeliveryId} {State} after attempt {Attempt}: {Reason}", delivery.Id, state, delivery.Attempts, reason);
        if (failure.HardBounce) CountHardBounce(delivery.Subscriber.Id, now);
        return state;
    }

    /// <summary>Gives back rows that were claimed but not tried (a stop, the hourly cap): the attempt does not count.</summary>
    public void Release(IReadOnlyCollection<ClaimedDelivery> untried, DateTime? notBefore = null, string? reason = null)
    {
        if (untried.Count == 0) return;
        var ids = untried.Select(d => d.Id).ToList();
        var state = notBefore is null ? DeliveryState.Pending : DeliveryState.Deferred;
        using var _ = gate.Enter(CancellationToken.None);
        db.Deliveries.Where(d => ids.Contains(d.Id) && d.State == DeliveryState.Sending).ExecuteUpdate(s => s
            .SetProperty(d => d.State, state).SetProperty(d => d.NextAttemptAt, notBefore).SetProperty(d => d.LastError, reason)
            .SetProperty(d => d.ClaimToken, (Guid?)null).SetProperty(d => d.ClaimedAt, (DateTime?)null)
            .SetProperty(d => d.Attempts, d => d.Attempts - 1));
    }

    /// <summary>
    /// Keeps a claim alive while its worker is still going through it (a slow server), so the lease runs out only
    /// when the worker has stopped and nobody takes over rows that are still being sent.
    /// </summary>
    public void Renew(Guid claimToken)
    {
        var now = Now;
        using var _ = gate.Enter(CancellationToken.None);
        db.Deliveries.Where(d => d.ClaimToken == claimToken && d.State == DeliveryState.Sending)
            .ExecuteUpdate(s => s.SetProperty(d => d.ClaimedAt, now));
    }

    /// <summary>
    /// Finds work of issues being sent that no job is doing, whatever happened to the job queue: claims whose lease ran
    /// out (their worker died; they go back to pending, the attempt still counted) and retries overdue by more than a
    /// lease (their scheduled job never ran). Each is taken with a conditional update, so when several nodes look at
    /// once exactly one of them reports the batch.
    /// </summary>
    public async Task<StalledWork> RecoverStalledAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var overdue = now.AddSeconds(-options.Value.LeaseSeconds);
        var maxAttempts = options.Value.MaxAttempts;
        var sending = db.Issues.Where(i => i.State == IssueState.Sending).Select(i => i.Id);

        // A claim that ran out on its last attempt (its worker died, or the copy took the worker down) is not tried again.
        var exhausted = await db.Deliveries.AsNoTracking()
            .Where(d => sending.Contains(d.IssueId) && d.State == DeliveryState.Sending && d.ClaimedAt < overdue && d.Attempts >= maxAttempts)
            .Select(d => d.IssueId).Distinct().ToListAsync(cancellationToken);
        if (exhausted.Count > 0)
        {
            using (await gate.EnterAsync(cancellationToken))
                await db.Deliveries.Where(d => exhausted.Contains(d.IssueId) && d.State == DeliveryState.Sending && d.ClaimedAt < overdue && d.Attempts >= maxAttempts)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Failed).SetProperty(d => d.ClaimToken, (Guid?)null)
                        .SetProperty(d => d.NextAttemptAt, (DateTime?)null)
                        .SetProperty(d => d.LastError, $"gave up after {maxAttempts} attempt(s): the last one never finished (its worker stopped)"), cancellationToken);
            logger.LogWarning("Issues {IssueIds}: deliveries whose last attempt never finished are failed", exhausted);
        }

        var candidates = await db.Deliveries.AsNoTracking()
            .Where(d => sending.Contains(d.IssueId)
                && ((d.State == DeliveryState.Sending && d.ClaimedAt < overdue) || (d.State == DeliveryState.Deferred && d.NextAttemptAt < overdue)))
            .Select(d => new { d.IssueId, d.Batch, d.Id }).ToListAsync(cancellationToken);
        var stalled = new List<StalledBatch>();
        var batchCounts = new Dictionary<long, int>();
        foreach (var batch in candidates.GroupBy(c => (c.IssueId, c.Batch)))
        {
            var ids = batch.Select(c => c.Id).ToList();
            int taken;
            using (await gate.EnterAsync(cancellationToken))
            {
                taken = await db.Deliveries.Where(d => ids.Contains(d.Id) && d.State == DeliveryState.Sending && d.ClaimedAt < overdue && d.Attempts < maxAttempts)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Pending).SetProperty(d => d.ClaimToken, (Guid?)null)
                        .SetProperty(d => d.ClaimedAt, (DateTime?)null).SetProperty(d => d.LastError, "taken back from a worker that stopped"), cancellationToken);
                taken += await db.Deliveries.Where(d => ids.Contains(d.Id) && d.State == DeliveryState.Deferred && d.NextAttemptAt < overdue)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, now), cancellationToken);
            }
            if (taken == 0) continue;
            if (!batchCounts.TryGetValue(batch.Key.IssueId, out var batches))
                batchCounts[batch.Key.IssueId] = batches = await db.Deliveries.Where(d => d.IssueId == batch.Key.IssueId).MaxAsync(d => d.Batch, cancellationToken);
            logger.LogWarning("Issue {IssueId}, batch {Batch}: {Count} deliveries had no live job (a stopped node or a lost schedule); sending them again",
                batch.Key.IssueId, batch.Key.Batch, taken);
            stalled.Add(new StalledBatch(batch.Key.IssueId, batch.Key.Batch, batches));
        }
        return new StalledWork(stalled, exhausted);
    }

    /// <summary>
    /// An admin stops what is left of an issue that cannot finish: every delivery not sent, not failed and not in the
    /// hands of a live worker is cancelled, so the issue can end as sent with its failures counted. A live claim
    /// finishes as it would have. Returns how many were cancelled.
    /// </summary>
    public async Task<int> CancelRestAsync(long issueId, string by, CancellationToken cancellationToken)
    {
        var leaseStart = Now.AddSeconds(-options.Value.LeaseSeconds);
        using var _ = await gate.EnterAsync(cancellationToken);
        return await db.Deliveries.Where(d => d.IssueId == issueId
                && (d.State == DeliveryState.Pending || d.State == DeliveryState.Deferred || (d.State == DeliveryState.Sending && d.ClaimedAt < leaseStart)))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Cancelled).SetProperty(d => d.ClaimToken, (Guid?)null)
                .SetProperty(d => d.NextAttemptAt, (DateTime?)null)
                .SetProperty(d => d.LastError, d => "cancelled by " + by + (d.LastError == null ? "" : " (was: " + d.LastError + ")")), cancellationToken);
    }

    /// <summary>When this batch next has work: a deferred retry, a pending row, or a claim whose lease runs out. Null when none.</summary>
    public DateTime? NextDue(long issueId, int batch)
    {
        var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        var open = db.Deliveries.Where(d => d.IssueId == issueId && d.Batch == batch);
        var deferred = open.Where(d => d.State == DeliveryState.Pending || d.State == DeliveryState.Deferred)
            .Min(d => (DateTime?)(d.NextAttemptAt ?? DateTime.MinValue));
        var claimed = open.Where(d => d.State == DeliveryState.Sending).Min(d => d.ClaimedAt);
        var leaseEnd = claimed + lease;
        return deferred is null ? leaseEnd : leaseEnd is null ? deferred : deferred < leaseEnd ? deferred : leaseEnd;
    }

    /// <summary>
    /// One conditional update claims the chunk, in SQL rather than LINQ: it runs once per chunk on the send path, and
    /// EF's translation of the LINQ form cost more than the statement itself. On PostgreSQL, rows another node is
    /// claiming right now are skipped, not waited for, so two workers on one batch take disjoint chunks (a plain
    /// conditional update would make the second wait, then find its chunk taken and stop). Due rows: pending, deferred
    /// and due, or claimed by a worker whose lease ran out with attempts left (the watchdog fails the others).
    /// </summary>
    private int ClaimRows(long issueId, int batch, int count, Guid token, DateTime now, bool skipLocked)
    {
        var leaseStart = now.AddSeconds(-options.Value.LeaseSeconds);
        return db.Database.ExecuteSqlRaw(skipLocked ? ClaimSql + " FOR UPDATE SKIP LOCKED)" : ClaimSql + ")",
            now, token, issueId, batch, leaseStart, count, options.Value.MaxAttempts);
    }

    private const string MarkSentSql = """UPDATE "Deliveries" SET "State" = 'Sent', "SentAt" = {0}, "LastError" = NULL, "ClaimToken" = NULL WHERE "Id" """;

    private const string ClaimSql = """
        UPDATE "Deliveries" SET "State" = 'Sending', "ClaimedAt" = {0}, "ClaimToken" = {1}, "Attempts" = "Attempts" + 1
        WHERE "Id" IN (
            SELECT "Id" FROM "Deliveries"
            WHERE "IssueId" = {2} AND "Batch" = {3}
              AND ("State" = 'Pending'
                   OR ("State" = 'Deferred' AND "NextAttemptAt" <= {0})
                   OR ("State" = 'Sending' AND "ClaimedAt" < {4} AND "Attempts" < {6}))
            ORDER BY "Id" LIMIT {5}
        """;

    private void CountHardBounce(long subscriberId, DateTime now)
    {
        var limit = options.Value.BounceAfter;
        db.Subscribers.Where(s => s.Id == subscriberId).ExecuteUpdate(s => s
            .SetProperty(x => x.HardBounces, x => x.HardBounces + 1)
            .SetProperty(x => x.Status, x => x.HardBounces + 1 >= limit && x.Status == SubscriberStatus.Active ? SubscriberStatus.Bounced : x.Status)
            .SetProperty(x => x.UpdatedAt, now));
    }

    private const int MaxReasonLength = 500;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
