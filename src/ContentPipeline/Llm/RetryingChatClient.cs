using System.ClientModel;
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
            catch (Exception e) when (attempt <= o.MaxRetries && TransientFailures.IsTransient(e, cancellationToken))
            {
                var delay = TransientFailures.Delay(e, attempt, o.RetryBaseDelayMs, o.MaxRetryDelaySeconds, clock);
                logger.LogWarning("Model call failed ({Reason}); retry {Retry} of {MaxRetries} in {DelayMs} ms",
                    TransientFailures.Reason(e), attempt, o.MaxRetries, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
    }

    private static bool IsContentFilter(ClientResultException e)
    {
        var body = e.GetRawResponse()?.Content?.ToString() ?? e.Message;
        return body.Contains("content_filter", StringComparison.OrdinalIgnoreCase);
    }
}
