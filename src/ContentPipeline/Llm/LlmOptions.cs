namespace ContentPipeline.Llm;

public enum LlmProvider { Offline, AzureOpenAI, OpenAI }

/// <summary>Llm: which model writes summaries and scripts. Every key is explained in appsettings.json.</summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    public LlmProvider Provider { get; set; } = LlmProvider.Offline;
    public string? Endpoint { get; set; }
    public string? Deployment { get; set; }
    public string? Model { get; set; }
    public string? ApiKey { get; set; }
    public string? ApiVersion { get; set; }

    [System.ComponentModel.DataAnnotations.Range(16, 32768)]
    public int MaxOutputTokens { get; set; } = 1024;

    [System.ComponentModel.DataAnnotations.Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    [System.ComponentModel.DataAnnotations.Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>The name recorded on summaries and used in cache keys.</summary>
    public string ModelName => Provider switch
    {
        LlmProvider.AzureOpenAI => Deployment ?? "",
        LlmProvider.OpenAI => Model ?? "",
        _ => OfflineChatClient.ModelName,
    };
}
