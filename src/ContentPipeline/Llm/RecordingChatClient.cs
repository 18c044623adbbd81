using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContentPipeline.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Llm;

/// <summary>
/// Records every model call (tokens, estimated cost, outcome) and answers a request it has answered before
/// from the database, so re-running a digest or summarizing the same text again costs nothing. The cache
/// key covers provider, model and the full request: the prompt (with its version) and the content.
/// </summary>
public sealed class RecordingChatClient(IChatClient inner, IServiceScopeFactory scopes, IOptions<LlmOptions> options,
    TimeProvider clock, ILogger<RecordingChatClient> logger) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null,
        CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var o = options.Value;
        var key = CacheKey(o, list, chatOptions);
        var scope = ModelCallScope.Current;

        await using (var services = scopes.CreateAsyncScope())
        {
            var db = services.ServiceProvider.GetRequiredService<AppDbContext>();
            var cached = await db.ModelCalls.AsNoTracking()
                .Where(c => c.CacheKey == key && c.Outcome == ModelCallOutcome.Succeeded && c.ResponseText != null)
                .OrderByDescending(c => c.Id).Select(c => new { c.ResponseText, c.Model }).FirstOrDefaultAsync(cancellationToken);
            if (cached is not null)
            {
                logger.LogDebug("Model call for {Purpose} answered from the cache", scope.Purpose);
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, cached.ResponseText))
                {
                    ModelId = cached.Model,
                    FinishReason = ChatFinishReason.Stop,
                    Usage = new UsageDetails { InputTokenCount = 0, OutputTokenCount = 0 },
                };
            }
        }

        var attempts = CallAttempts.Start();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.GetResponseAsync(list, chatOptions, cancellationToken);
            var filtered = response.FinishReason == ChatFinishReason.ContentFilter;
            await RecordAsync(key, scope, response.ModelId ?? o.ModelName, filtered ? ModelCallOutcome.ContentFiltered : ModelCallOutcome.Succeeded,
                filtered ? "the provider's content filter blocked the answer" : null, attempts.Count, response.Usage, started,
                filtered ? null : response.Text, response.FinishReason?.Value);
            return response;
        }
        catch (Exception e) when (ModelFailure.Is(e, cancellationToken))
        {
            var filtered = e is ModelAnswerException { ContentFiltered: true };
            await RecordAsync(key, scope, o.ModelName, filtered ? ModelCallOutcome.ContentFiltered : ModelCallOutcome.Failed, e.Message,
                attempts.Count, null, started, null, null);
            throw;
        }
    }

    private async Task RecordAsync(string key, ModelCallScope scope, string model, ModelCallOutcome outcome, string? error, int attempts,
        UsageDetails? usage, long started, string? text, string? finishReason)
    {
        var o = options.Value;
        var input = usage?.InputTokenCount ?? 0;
        var output = usage?.OutputTokenCount ?? 0;
        var call = new ModelCall
        {
            CacheKey = key,
            Purpose = scope.Purpose,
            ArticleId = scope.ArticleId,
            IssueId = scope.IssueId,
            Provider = o.Provider.ToString(),
            Model = model,
            Outcome = outcome,
            Error = error,
            Attempts = attempts,
            InputTokens = input,
            OutputTokens = output,
            Cost = o.CostOf(model, input, output),
            DurationMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            ResponseText = text,
            FinishReason = finishReason,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ModelCalls.Add(call);
        // Recorded even when the job is being cancelled: the call was made and may have been paid for.
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Model call for {Purpose} (article {ArticleId}, issue {IssueId}) with {Model}: {Outcome} after {Attempts} attempt(s), " +
            "{InputTokens} tokens in, {OutputTokens} out, estimated cost {Cost}", scope.Purpose, scope.ArticleId, scope.IssueId, model, outcome,
            attempts, input, output, call.Cost);
    }

    private static string CacheKey(LlmOptions o, List<ChatMessage> messages, ChatOptions? chatOptions)
    {
        var format = chatOptions?.ResponseFormat as ChatResponseFormatJson;
        var request = JsonSerializer.Serialize(new
        {
            provider = o.Provider.ToString(),
            model = o.ModelName,
            messages = messages.Select(m => new { role = m.Role.Value, text = m.Text }),
            schemaName = format?.SchemaName,
            schema = format?.Schema?.GetRawText(),
            maxTokens = chatOptions?.MaxOutputTokens,
            temperature = chatOptions?.Temperature,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request)));
    }
}

/// <summary>Counts the attempts the retry layer makes for one recorded call.</summary>
internal sealed class CallAttempts
{
    private static readonly AsyncLocal<CallAttempts?> CurrentCall = new();
    private int _count;

    public int Count => _count;

    public static CallAttempts Start() => CurrentCall.Value = new CallAttempts();

    public static void Increment()
    {
        if (CurrentCall.Value is { } call) Interlocked.Increment(ref call._count);
    }
}
