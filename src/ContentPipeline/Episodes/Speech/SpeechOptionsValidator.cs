using ContentPipeline.Llm;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Episodes.Speech;

/// <summary>Names the missing key, so a misconfigured speech provider fails at start with a message an operator can act on.</summary>
internal sealed class SpeechOptionsValidator : IValidateOptions<SpeechOptions>
{
    public ValidateOptionsResult Validate(string? name, SpeechOptions o)
    {
        var errors = new List<string>();
        void Require(string? value, string key)
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add($"Speech:{key} is required when Speech:Provider is {o.Provider}.");
        }

        switch (o.Provider)
        {
            case SpeechProvider.AzureOpenAI:
                Require(o.Endpoint, nameof(o.Endpoint));
                Require(o.Deployment, nameof(o.Deployment));
                Require(o.ApiKey, nameof(o.ApiKey));
                if (!string.IsNullOrWhiteSpace(o.ApiVersion) && !AzureApiVersion.IsKnown(o.ApiVersion))
                    errors.Add($"Speech:ApiVersion '{o.ApiVersion}' is not one this SDK knows; use one of: {string.Join(", ", AzureApiVersion.Known)}, or leave it empty.");
                break;
            case SpeechProvider.OpenAI:
                Require(o.Endpoint, nameof(o.Endpoint));
                Require(o.Model, nameof(o.Model));
                break;
        }
        if (o.Provider != SpeechProvider.Offline && !string.IsNullOrWhiteSpace(o.Endpoint)
            && !(Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add($"Speech:Endpoint must be an absolute http(s) URL; got '{o.Endpoint}'.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
