using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Llm;

/// <summary>What to ask: instructions (the prompt), the data as a JSON document, and the answer's schema.</summary>
public sealed record StructuredRequest<T>(
    string Instructions,
    string DataJson,
    string SchemaName,
    JsonElement Schema,
    Func<T, string?> Validate) where T : class;

public sealed record ModelAnswer<T>(T Value, string Model, long InputTokens, long OutputTokens);

/// <summary>The model's answer could not be used: blocked by a content filter, or invalid after one repair attempt.</summary>
public sealed class ModelAnswerException(string message, bool contentFiltered = false) : Exception(message)
{
    public bool ContentFiltered { get; } = contentFiltered;
}

/// <summary>
/// Asks for a JSON answer under a strict schema, parses and validates it, and gives an invalid answer
/// one repair attempt. Article text travels only in the user message, as JSON data, never in the instructions.
/// </summary>
public sealed class StructuredChat(IChatClient chat, IOptions<LlmOptions> options, ILogger<StructuredChat> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ModelAnswer<T>> AskAsync<T>(StructuredRequest<T> request, CancellationToken cancellationToken) where T : class
    {
        var o = options.Value;
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, request.Instructions),
            new(ChatRole.User, request.DataJson),
        };
        var chatOptions = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(request.Schema, request.SchemaName),
            MaxOutputTokens = o.MaxOutputTokens,
            Temperature = 0.2f,
            AdditionalProperties = new AdditionalPropertiesDictionary { ["strict"] = true },
        };

        long inputTokens = 0, outputTokens = 0;
        string error = "";
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var response = await chat.GetResponseAsync(messages, chatOptions, cancellationToken);
            inputTokens += response.Usage?.InputTokenCount ?? 0;
            outputTokens += response.Usage?.OutputTokenCount ?? 0;
            if (response.FinishReason == ChatFinishReason.ContentFilter)
                throw new ModelAnswerException("the provider's content filter blocked the answer", contentFiltered: true);

            var value = Parse(response.Text, request.Validate, out error);
            if (value is not null)
                return new ModelAnswer<T>(value, response.ModelId ?? o.ModelName, inputTokens, outputTokens);

            logger.LogWarning("Invalid {Schema} answer (attempt {Attempt}): {Error}", request.SchemaName, attempt + 1, error);
            messages.AddRange(response.Messages);
            messages.Add(new ChatMessage(ChatRole.User,
                $"That answer was not valid: {error}. Reply again with only one JSON object that matches the {request.SchemaName} schema."));
        }
        throw new ModelAnswerException($"the model's {request.SchemaName} answer was invalid after one repair attempt: {error}");
    }

    private static T? Parse<T>(string text, Func<T, string?> validate, out string error) where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(text.Trim(), Json);
            error = value is null ? "the answer was JSON null" : validate(value) ?? "";
            return error.Length == 0 ? value : null;
        }
        catch (JsonException e)
        {
            error = $"not valid JSON ({e.Message})";
            return null;
        }
    }
}
