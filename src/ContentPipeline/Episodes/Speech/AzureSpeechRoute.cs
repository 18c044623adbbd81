using System.ClientModel.Primitives;
using ContentPipeline.Llm;

namespace ContentPipeline.Episodes.Speech;

/// <summary>
/// Azure OpenAI's speech route for the OpenAI SDK's AudioClient. Azure.AI.OpenAI 2.1.0 (GA) refuses GenerateSpeech
/// ("not supported using this GA library version"), so the OpenAI client is pointed at
/// {endpoint}/openai/deployments/{deployment} and this policy adds what Azure wants instead of a bearer token:
/// the api-key header and the api-version query.
/// </summary>
internal sealed class AzureSpeechRoute(string apiKey, string apiVersion) : PipelinePolicy
{
    /// <summary>Speech:ApiVersion, or the newest version the Azure SDK knows.</summary>
    public static string Version(SpeechOptions o) =>
        string.IsNullOrWhiteSpace(o.ApiVersion) ? AzureApiVersion.Known.Order(StringComparer.Ordinal).Last() : o.ApiVersion.Trim();

    public static Uri Endpoint(SpeechOptions o) => new($"{o.Endpoint!.TrimEnd('/')}/openai/deployments/{Uri.EscapeDataString(o.Deployment!)}");

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Apply(PipelineMessage message)
    {
        var request = message.Request;
        request.Headers.Remove("Authorization");
        request.Headers.Set("api-key", apiKey);
        var uri = new UriBuilder(request.Uri!);
        var query = uri.Query.TrimStart('?');
        uri.Query = (query.Length > 0 ? query + "&" : "") + "api-version=" + Uri.EscapeDataString(apiVersion);
        request.Uri = uri.Uri;
    }
}
