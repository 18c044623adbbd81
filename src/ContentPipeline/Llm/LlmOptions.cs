using System.ComponentModel.DataAnnotations;

namespace ContentPipeline.Llm;

public enum LlmProvider { Offline, AzureOpenAI, OpenAI }

/// <summary>Llm: which model writes summaries and scripts, and how it is called. Every key is explained in appsettings.json.</summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    public LlmProvider Provider { get; set; } = LlmProvider.Offline;
    public string? Endpoint { get; set; }
    public string? Deployment { get; set; }
    public string? Model { get; set; }
    public string? ApiKey { get; set; }
    public string? ApiVersion { get; set; }

    [Range(16, 32768)]
    public int MaxOutputTokens { get; set; } = 1024;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>0 means no limit.</summary>
    [Range(0, 100_000)]
    public int RequestsPerMinute { get; set; }

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    [Range(1, 60_000)]
    public int RetryBaseDelayMs { get; set; } = 1000;

    [Range(1, 600)]
    public int MaxRetryDelaySeconds { get; set; } = 60;

    /// <summary>An article longer than this many tokens (o200k) is summarized in overlapping chunks, then the chunks' summaries.</summary>
    [Range(200, 1_000_000)]
    public int InputTokenBudget { get; set; } = 6000;

    [Range(0, 10_000)]
    public int ChunkOverlapTokens { get; set; } = 200;

    /// <summary>Price per million tokens by model (deployment) name, for cost estimates.</summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The name recorded on summaries and used in cache keys.</summary>
    public string ModelName => Provider switch
    {
        LlmProvider.AzureOpenAI => Deployment ?? "",
        LlmProvider.OpenAI => Model ?? "",
        _ => OfflineChatClient.ModelName,
    };

    public decimal CostOf(string model, long inputTokens, long outputTokens) =>
        Prices.TryGetValue(model, out var p) || Prices.TryGetValue(ModelName, out p)
            ? (inputTokens * p.InputPerMillion + outputTokens * p.OutputPerMillion) / 1_000_000m
            : 0m;
}

public sealed class ModelPrice
{
    public decimal InputPerMillion { get; set; }
    public decimal OutputPerMillion { get; set; }
}
