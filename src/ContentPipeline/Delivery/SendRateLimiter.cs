using Microsoft.Extensions.Options;

namespace ContentPipeline.Delivery;

/// <summary>
/// One limiter for every send worker in the process: paces messages to Delivery:MessagesPerSecond and
/// keeps any rolling hour under Delivery:MessagesPerHour. Pacing waits; the hourly cap does not (a job
/// would hold a worker for up to an hour), it answers when the next message may go so the caller can defer.
/// </summary>
public sealed class SendRateLimiter(IOptions<DeliveryOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _lastHour = new();
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    /// <summary>As <see cref="AcquireAsync"/>, blocking the calling send worker through any pacing wait.</summary>
    public DateTimeOffset? Acquire(CancellationToken cancellationToken)
    {
        var pending = AcquireAsync(cancellationToken);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Null when one message may go now (after any pacing wait); otherwise when the hourly cap allows the next one.</summary>
    public async ValueTask<DateTimeOffset?> AcquireAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        TimeSpan wait;
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (o.MessagesPerHour > 0)
            {
                while (_lastHour.Count > 0 && now - _lastHour.Peek() >= Hour) _lastHour.Dequeue();
                if (_lastHour.Count >= o.MessagesPerHour) return _lastHour.Peek() + Hour;
            }
            wait = TimeSpan.Zero;
            if (o.MessagesPerSecond > 0)
            {
                var slot = _nextSlot > now ? _nextSlot : now;
                _nextSlot = slot + TimeSpan.FromSeconds(1 / o.MessagesPerSecond);
                wait = slot - now;
            }
            if (o.MessagesPerHour > 0) _lastHour.Enqueue(now + wait);
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
        return null;
    }
}
