using ContentPipeline.Data;

namespace ContentPipeline.Delivery;

/// <summary>
/// One run of a send job: claims chunks, sends each message through the shared rate limiter over one
/// pooled session, and keeps what the ledger must hear on the way out: accepted messages not yet marked
/// sent, and claimed ones never tried.
/// </summary>
internal sealed class BatchSender(long issueId, Func<Subscriber, string, OutgoingMessage> compose, DeliveryLedger ledger,
    IMailTransport transport, SendRateLimiter limiter, DeliveryOptions options, TimeProvider clock, ILogger logger) : IAsyncDisposable
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);
    private readonly List<ClaimedDelivery> _accepted = [];
    private readonly Queue<ClaimedDelivery> _untried = new();
    private IMailSession? _session;
    private long _flushedAt = clock.GetTimestamp();
    private long _renewedAt;

    public async Task RunAsync(int batch, CancellationToken cancellationToken)
    {
        var chunk = options.ClaimChunk;
        while (true)
        {
            var claimed = await ledger.ClaimAsync(issueId, batch, chunk, cancellationToken);
            if (claimed.Count == 0) return;
            _renewedAt = clock.GetTimestamp();
            foreach (var delivery in claimed) _untried.Enqueue(delivery);
            while (_untried.TryPeek(out var delivery))
            {
                // A stop takes effect between messages: the one on the wire finishes, so none is left half-known.
                if (cancellationToken.IsCancellationRequested) return;
                if (await limiter.AcquireAsync(cancellationToken) is { } opensAt)
                {
                    logger.LogInformation("Issue {IssueId}: the hourly cap is reached; batch {Batch} waits until {OpensAt}", issueId, batch, opensAt);
                    await ledger.ReleaseAsync(_untried.ToList(), opensAt.UtcDateTime, "waiting for Delivery:MessagesPerHour");
                    _untried.Clear();
                    return;
                }
                _untried.Dequeue();
                if (!await SendAsync(delivery))
                {
                    // The server cannot be reached: the rest of the chunk waits with the same backoff as the failed message.
                    await ledger.ReleaseAsync(_untried.ToList(), clock.GetUtcNow().UtcDateTime + options.RetryDelay(1), "server unreachable");
                    _untried.Clear();
                    return;
                }
                if (_accepted.Count >= chunk || clock.GetElapsedTime(_flushedAt) >= FlushEvery) await FlushAsync();
                if (_untried.Count > 0 && clock.GetElapsedTime(_renewedAt) >= TimeSpan.FromSeconds(options.LeaseSeconds / 3.0))
                {
                    // A slow server: the rest of the chunk is still ours; say so before the lease runs out.
                    await ledger.RenewAsync(delivery.ClaimToken);
                    _renewedAt = clock.GetTimestamp();
                }
            }
            await FlushAsync();
        }
    }

    /// <summary>False when no connection could be opened.</summary>
    private async Task<bool> SendAsync(ClaimedDelivery delivery)
    {
        if (delivery.Subscriber.Status != SubscriberStatus.Active)
        {
            await ledger.RecordFailureAsync(delivery, new SendFailure(false, false, $"subscriber is {delivery.Subscriber.Status.ToString().ToLowerInvariant()}"));
            return true;
        }
        var message = compose(delivery.Subscriber, delivery.MessageId);
        try
        {
            _session ??= await transport.OpenAsync(CancellationToken.None);
        }
        catch (Exception e) when (SendFailure.Classify(e) is { } failure)
        {
            logger.LogWarning("Cannot reach the mail server: {Reason}", failure.Reason);
            await ledger.RecordFailureAsync(delivery, failure with { Temporary = true, HardBounce = false });
            return false;
        }
        try
        {
            await _session.SendAsync(message, CancellationToken.None);
            _accepted.Add(delivery);
        }
        catch (Exception e) when (SendFailure.Classify(e) is { } failure)
        {
            await ledger.RecordFailureAsync(delivery, failure);
            if (failure.ConnectionLost) await CloseSessionAsync();
        }
        return true;
    }

    private async Task FlushAsync()
    {
        await ledger.MarkSentAsync(_accepted);
        _accepted.Clear();
        _flushedAt = clock.GetTimestamp();
    }

    private async Task CloseSessionAsync()
    {
        if (_session is null) return;
        await _session.DisposeAsync();
        _session = null;
    }

    /// <summary>On every way out, a stop included: record what was accepted, give back what was never tried.</summary>
    public async ValueTask DisposeAsync()
    {
        await FlushAsync();
        await ledger.ReleaseAsync(_untried.ToList());
        _untried.Clear();
        await CloseSessionAsync();
    }
}
