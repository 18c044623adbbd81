using Microsoft.Extensions.Options;

namespace ContentPipeline.Llm;

/// <summary>Names the missing key, so a misconfigured provider fails at start with a message an operator can act on.</summary>
internal sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions o)
    {
        var errors = new List<string>();
        void Require(string? value, string key)
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add($"Llm:{key} is required when Llm:Provider is {o.Provider}.");
        }

        switch (o.Provider)
        {
            case LlmProvider.AzureOpenAI:
                Require(o.Endpoint, nameof(o.Endpoint));
                Require(o.Deployment, nameof(o.Deployment));
                Require(o.ApiKey, nameof(o.ApiKey));
                if (!string.IsNullOrWhiteSpace(o.ApiVersion) && !AzureApiVersion.IsKnown(o.ApiVersion))
                    errors.Add($"Llm:ApiVersion '{o.ApiVersion}' is not one this SDK knows; use one of: {string.Join(", ", AzureApiVersion.Known)}, or leave it empty.");
                break;
            case LlmProvider.OpenAI:
                Require(o.Endpoint, nameof(o.Endpoint));
                Require(o.Model, nameof(o.Model));
                break;
        }
        if (o.Provider != LlmProvider.Offline && !string.IsNullOrWhiteSpace(o.Endpoint)
            && !(Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add($"Llm:Endpoint must be an absolute http(s) URL; got '{o.Endpoint}'.");

        if (o.ChunkOverlapTokens >= o.InputTokenBudget / 2)
            errors.Add("Llm:ChunkOverlapTokens must be less than half of Llm:InputTokenBudget.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
