using ContentPipeline.Data;

namespace ContentPipeline.Delivery;

/// <summary>
/// One run of a send job, on the job's own worker thread: claims chunks, sends each message through the shared
/// rate limiter over one pooled session, and keeps what the ledger must hear on the way out: accepted messages
/// not yet marked sent, and claimed ones never tried.
/// </summary>
internal sealed class BatchSender(long issueId, Func<Subscriber, string, OutgoingMessage> makeCopy, DeliveryLedger ledger,
    IMailTransport transport, SendRateLimiter limiter, DeliveryOptions options, TimeProvider clock, ILogger logger) : IDisposable
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);
    private readonly List<ClaimedDelivery> _accepted = [];
    private readonly Queue<ClaimedDelivery> _untried = new();
    private IMailSession? _session;
    private long _flushedAt = clock.GetTimestamp();
    private long _renewedAt;

    public void Run(int batch, CancellationToken cancellationToken)
    {
        var chunk = options.ClaimChunk;
        while (true)
        {
            var claimed = ledger.Claim(issueId, batch, chunk, cancellationToken);
            if (claimed.Count == 0) return;
            _renewedAt = clock.GetTimestamp();
            foreach (var delivery in claimed) _untried.Enqueue(delivery);
            while (_untried.TryPeek(out var delivery))
            {
                // A stop takes effect between messages: the one on the wire finishes, so none is left half-known.
                if (cancellationToken.IsCancellationRequested) return;
                if (limiter.Acquire(cancellationToken) is { } opensAt)
                {
                    logger.LogInformation("Issue {IssueId}: the hourly cap is reached; batch {Batch} waits until {OpensAt}", issueId, batch, opensAt);
                    ledger.Release(_untried.ToList(), opensAt.UtcDateTime, "waiting for Delivery:MessagesPerHour");
                    _untried.Clear();
                    return;
                }
                _untried.Dequeue();
                if (!Send(delivery))
                {
                    // The server cannot be reached: the rest of the chunk waits with the same backoff as the failed message.
                    ledger.Release(_untried.ToList(), clock.GetUtcNow().UtcDateTime + options.RetryDelay(1), "server unreachable");
                    _untried.Clear();
                    return;
                }
                if (_accepted.Count >= chunk || clock.GetElapsedTime(_flushedAt) >= FlushEvery) Flush();
                if (_untried.Count > 0 && clock.GetElapsedTime(_renewedAt) >= TimeSpan.FromSeconds(options.LeaseSeconds / 3.0))
                {
                    // A slow server: the rest of the chunk is still ours; say so before the lease runs out.
                    ledger.Renew(delivery.ClaimToken);
                    _renewedAt = clock.GetTimestamp();
                }
            }
            Flush();
        }
    }

    /// <summary>False when no connection could be opened.</summary>
    private bool Send(ClaimedDelivery delivery)
    {
        if (delivery.Subscriber.Status != SubscriberStatus.Active)
        {
            ledger.RecordFailure(delivery, new SendFailure(false, false, $"subscriber is {delivery.Subscriber.Status.ToString().ToLowerInvariant()}"));
            return true;
        }
        OutgoingMessage message;
        try
        {
            message = makeCopy(delivery.Subscriber, delivery.MessageId);
        }
        catch (Exception e)
        {
            // One reader's copy that cannot be made (bad data, a template, DKIM) fails alone: retried with backoff, then failed.
            logger.LogWarning(e, "Delivery {DeliveryId}: the copy could not be made", delivery.Id);
            ledger.RecordFailure(delivery, new SendFailure(true, false, $"the copy could not be made: {e.GetType().Name}: {e.Message}"));
            return true;
        }
        using var _ = message;
        try
        {
            _session ??= transport.Open(CancellationToken.None);
        }
        catch (Exception e) when (SendFailure.Classify(e) is { } failure)
        {
            logger.LogWarning("Cannot reach the mail server: {Reason}", failure.Reason);
            ledger.RecordFailure(delivery, failure with { Temporary = true, HardBounce = false });
            return false;
        }
        try
        {
            _session.Send(message, CancellationToken.None);
            _accepted.Add(delivery);
        }
        catch (Exception e) when (SendFailure.Classify(e) is { } failure)
        {
            ledger.RecordFailure(delivery, failure);
            if (failure.ConnectionLost) CloseSession();
        }
        catch (Exception e)
        {
            // Not a reply of the server's: the connection's state is unknown, so it is closed, and this delivery alone is retried.
            logger.LogWarning(e, "Delivery {DeliveryId}: sending failed unexpectedly", delivery.Id);
            ledger.RecordFailure(delivery, new SendFailure(true, true, $"unexpected error: {e.GetType().Name}: {e.Message}"));
            CloseSession();
        }
        return true;
    }

    private void Flush()
    {
        ledger.MarkSent(_accepted);
        _accepted.Clear();
        _flushedAt = clock.GetTimestamp();
    }

    private void CloseSession()
    {
        _session?.Dispose();
        _session = null;
    }

    /// <summary>On every way out, a stop included: record what was accepted, give back what was never tried.</summary>
    public void Dispose()
    {
        Flush();
        ledger.Release(_untried.ToList());
        _untried.Clear();
        CloseSession();
    }
}
