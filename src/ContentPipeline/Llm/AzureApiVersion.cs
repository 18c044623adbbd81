using Azure.AI.OpenAI;

namespace ContentPipeline.Llm;

/// <summary>Llm:ApiVersion ("2024-10-21") to the SDK's ServiceVersion; unknown versions are refused at start with the known ones.</summary>
public static class AzureApiVersion
{
    public static IReadOnlyList<string> Known { get; } = Enum.GetNames<AzureOpenAIClientOptions.ServiceVersion>()
        .Select(n => n.TrimStart('V').Replace('_', '-').ToLowerInvariant()).ToList();

    public static bool IsKnown(string version) => Known.Contains(version.Trim().ToLowerInvariant());

    public static AzureOpenAIClientOptions.ServiceVersion Parse(string version) =>
        Enum.Parse<AzureOpenAIClientOptions.ServiceVersion>("V" + version.Trim().Replace('-', '_'), ignoreCase: true);
}
