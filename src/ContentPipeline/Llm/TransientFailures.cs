using System.ClientModel;
using System.Globalization;

namespace ContentPipeline.Llm;

/// <summary>
/// What counts as a passing failure of a call to a model provider over HTTP, and how long to wait before the next try:
/// shared by the chat and the speech retry layers, which differ only in their settings and what they say when they give up.
/// </summary>
public static class TransientFailures
{
    private static readonly int[] RetryableStatus = [408, 429, 500, 502, 503, 504];

    /// <summary>408, 429, 5xx, a dropped connection or a timeout (not this caller's own cancellation).</summary>
    public static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        ClientResultException c => RetryableStatus.Contains(c.Status) || c.Status == 0,
        HttpRequestException or TimeoutException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>The server's retry-after-ms or Retry-After when it gave one, else full jitter on an exponential base; never over the cap.</summary>
    public static TimeSpan Delay(Exception e, int attempt, int baseDelayMs, int maxDelaySeconds, TimeProvider clock)
    {
        var cap = TimeSpan.FromSeconds(maxDelaySeconds);
        if (e is ClientResultException c && ServerDelay(c, clock) is { } asked) return asked < cap ? asked : cap;
        // Full jitter on an exponential base: spreads out workers that failed together.
        var ceiling = Math.Min(cap.TotalMilliseconds, baseDelayMs * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    /// <summary>"HTTP 503", or the exception's type and message when there was no HTTP status.</summary>
    public static string Reason(Exception e) => e is ClientResultException c && c.Status != 0 ? $"HTTP {c.Status}" : e.GetType().Name + ": " + e.Message;

    private static TimeSpan? ServerDelay(ClientResultException e, TimeProvider clock)
    {
        var headers = e.GetRawResponse()?.Headers;
        if (headers is null) return null;
        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
            return TimeSpan.FromMilliseconds(Math.Max(0, millis));
        if (!headers.TryGetValue("Retry-After", out var after) || after is null) return null;
        if (double.TryParse(after, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(Math.Max(0, seconds));
        return DateTimeOffset.TryParse(after, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? (when - clock.GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero) : null;
    }
}
