using System.ClientModel;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Llm;

/// <summary>
/// The one retry layer (the SDKs' own retries are switched off, and jobs record model failures instead of
/// rethrowing them to Hangfire): 408, 429, 5xx, dropped connections and timeouts are retried with
/// exponential backoff and jitter, honouring retry-after-ms and Retry-After up to Llm:MaxRetryDelaySeconds.
/// A content-filter refusal is not retried.
/// </summary>
public sealed class RetryingChatClient(IChatClient inner, IOptions<LlmOptions> options, TimeProvider clock, ILogger<RetryingChatClient> logger)
    : DelegatingChatClient(inner)
{
    private static readonly int[] RetryableStatus = [408, 429, 500, 502, 503, 504];

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null,
        CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        for (var attempt = 1; ; attempt++)
        {
            CallAttempts.Increment();
            try
            {
                return await base.GetResponseAsync(list, chatOptions, cancellationToken);
            }
            catch (ClientResultException e) when (e.Status == 400 && IsContentFilter(e))
            {
                throw new ModelAnswerException("the provider's content filter refused the request", contentFiltered: true);
            }
            catch (Exception e) when (attempt <= o.MaxRetries && IsTransient(e, cancellationToken))
            {
                var delay = Delay(e, attempt, o);
                logger.LogWarning("Model call failed ({Reason}); retry {Retry} of {MaxRetries} in {DelayMs} ms",
                    Reason(e), attempt, o.MaxRetries, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
    }

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        ClientResultException c => RetryableStatus.Contains(c.Status) || c.Status == 0,
        HttpRequestException or TimeoutException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private TimeSpan Delay(Exception e, int attempt, LlmOptions o)
    {
        var cap = TimeSpan.FromSeconds(o.MaxRetryDelaySeconds);
        if (e is ClientResultException c && ServerDelay(c) is { } asked) return asked < cap ? asked : cap;
        // Full jitter on an exponential base: spreads out workers that failed together.
        var ceiling = Math.Min(cap.TotalMilliseconds, o.RetryBaseDelayMs * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    private TimeSpan? ServerDelay(ClientResultException e)
    {
        var headers = e.GetRawResponse()?.Headers;
        if (headers is null) return null;
        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
            return TimeSpan.FromMilliseconds(Math.Max(0, millis));
        if (!headers.TryGetValue("Retry-After", out var after) || after is null) return null;
        if (double.TryParse(after, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(Math.Max(0, seconds));
        return DateTimeOffset.TryParse(after, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? Max(when - clock.GetUtcNow(), TimeSpan.Zero) : null;
    }

    private static bool IsContentFilter(ClientResultException e)
    {
        var body = e.GetRawResponse()?.Content?.ToString() ?? e.Message;
        return body.Contains("content_filter", StringComparison.OrdinalIgnoreCase);
    }

    private static string Reason(Exception e) => e is ClientResultException c && c.Status != 0 ? $"HTTP {c.Status}" : e.GetType().Name + ": " + e.Message;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
