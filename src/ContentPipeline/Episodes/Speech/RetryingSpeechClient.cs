using System.ClientModel;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Episodes.Speech;

/// <summary>
/// The one retry layer for a speech provider with a network, as RetryingChatClient is for chat (the SDK's own retries
/// are off): 408, 429, 5xx, dropped connections and timeouts are retried with exponential backoff and jitter,
/// honouring retry-after-ms and Retry-After up to Speech:MaxRetryDelaySeconds.
/// </summary>
public sealed class RetryingSpeechClient(ITextToSpeechClient inner, IOptions<SpeechOptions> options, TimeProvider clock,
    ILogger<RetryingSpeechClient> logger) : DelegatingTextToSpeechClient(inner)
{
    private static readonly int[] RetryableStatus = [408, 429, 500, 502, 503, 504];

    public override async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? speech = null,
        CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.GetAudioAsync(text, speech, cancellationToken);
            }
            catch (Exception e) when (attempt <= o.MaxRetries && IsTransient(e, cancellationToken))
            {
                var delay = Delay(e, attempt, o);
                logger.LogWarning("Speech call failed ({Reason}); retry {Retry} of {MaxRetries} in {DelayMs} ms",
                    Reason(e), attempt, o.MaxRetries, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, clock, cancellationToken);
            }
            catch (ClientResultException e)
            {
                throw new EpisodeException($"the {o.Provider} voice failed: {Reason(e)}: {Detail(e)}");
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

    private TimeSpan Delay(Exception e, int attempt, SpeechOptions o)
    {
        var cap = TimeSpan.FromSeconds(o.MaxRetryDelaySeconds);
        if (e is ClientResultException c && ServerDelay(c) is { } asked) return asked < cap ? asked : cap;
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
            ? (when - clock.GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero) : null;
    }

    private static string Reason(Exception e) => e is ClientResultException c && c.Status != 0 ? $"HTTP {c.Status}" : e.GetType().Name + ": " + e.Message;

    /// <summary>The start of the provider's error body, on one line: enough to act on, never the whole page.</summary>
    private static string Detail(ClientResultException e)
    {
        var body = e.GetRawResponse()?.Content?.ToString() ?? e.Message;
        var line = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
