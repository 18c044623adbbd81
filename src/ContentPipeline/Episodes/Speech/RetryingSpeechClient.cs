using System.ClientModel;
using ContentPipeline.Llm;
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
            catch (Exception e) when (attempt <= o.MaxRetries && TransientFailures.IsTransient(e, cancellationToken))
            {
                var delay = TransientFailures.Delay(e, attempt, o.RetryBaseDelayMs, o.MaxRetryDelaySeconds, clock);
                logger.LogWarning("Speech call failed ({Reason}); retry {Retry} of {MaxRetries} in {DelayMs} ms",
                    TransientFailures.Reason(e), attempt, o.MaxRetries, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, clock, cancellationToken);
            }
            catch (ClientResultException e)
            {
                throw new EpisodeException($"the {o.Provider} voice failed: {TransientFailures.Reason(e)}: {Detail(e)}");
            }
        }
    }


    /// <summary>The start of the provider's error body, on one line: enough to act on, never the whole page.</summary>
    private static string Detail(ClientResultException e)
    {
        var body = e.GetRawResponse()?.Content?.ToString() ?? e.Message;
        var line = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
