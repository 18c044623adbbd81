using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Llm;

/// <summary>
/// At most Llm:MaxConcurrency calls in flight in this process, at most Llm:RequestsPerMinute started per
/// minute, and a per-call timeout (time spent waiting for a slot does not count against it).
/// </summary>
public sealed class ThrottlingChatClient : DelegatingChatClient
{
    private readonly SemaphoreSlim _slots;
    private readonly RateLimiter? _perMinute;
    private readonly TimeSpan _timeout;

    public ThrottlingChatClient(IChatClient inner, IOptions<LlmOptions> options) : base(inner)
    {
        var o = options.Value;
        _slots = new SemaphoreSlim(o.MaxConcurrency, o.MaxConcurrency);
        _timeout = TimeSpan.FromSeconds(o.TimeoutSeconds);
        if (o.RequestsPerMinute > 0)
        {
            _perMinute = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, o.RequestsPerMinute / 6),
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / o.RequestsPerMinute),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            if (_perMinute is not null)
            {
                using var lease = await _perMinute.AcquireAsync(1, cancellationToken);
            }
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_timeout);
            try
            {
                return await base.GetResponseAsync(messages, options, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"the model did not answer within {_timeout.TotalSeconds:0} s");
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _slots.Dispose();
            _perMinute?.Dispose();
        }
        base.Dispose(disposing);
    }
}
