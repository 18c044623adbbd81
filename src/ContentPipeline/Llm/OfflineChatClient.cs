using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ContentPipeline.Llm;

/// <summary>
/// A task the offline client can do: answers requests whose response format is the JSON schema
/// named <see cref="SchemaName"/>, from the JSON document the user message carries.
/// </summary>
public interface IOfflineResponder
{
    string SchemaName { get; }
    string Respond(JsonElement request);
}

/// <summary>
/// The default model: deterministic and offline. It reads the data in the request (the article, the
/// stories) and answers in the JSON shape the prompt asks for, with sentences taken from that data.
/// </summary>
public sealed class OfflineChatClient(IEnumerable<IOfflineResponder> responders) : IChatClient
{
    public const string ModelName = "offline-extractive";
    private readonly Dictionary<string, IOfflineResponder> _responders = responders.ToDictionary(r => r.SchemaName);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var list = messages.ToList();
        var schemaName = (options?.ResponseFormat as ChatResponseFormatJson)?.SchemaName;
        if (schemaName is null || !_responders.TryGetValue(schemaName, out var responder))
            throw new NotSupportedException($"The offline client answers only JSON-schema requests for: {string.Join(", ", _responders.Keys)}.");

        var user = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text
            ?? throw new ArgumentException("The request has no user message.", nameof(messages));
        using var request = JsonDocument.Parse(user);
        var answer = responder.Respond(request.RootElement);

        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, answer))
        {
            ModelId = ModelName,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails
            {
                InputTokenCount = list.Sum(m => (long)WordCount(m.Text)),
                OutputTokenCount = WordCount(answer),
            },
        };
        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }

    private static int WordCount(string? text) =>
        string.IsNullOrEmpty(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
