using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace ContentPipeline.Llm;

public static class LlmExtensions
{
    /// <summary>
    /// The one place where the provider is chosen; everything else sees only IChatClient. Outermost first:
    /// logging and telemetry (prompts and answers only at Trace), the record-and-cache layer, the one retry
    /// layer, then concurrency, rate and timeout limits around the provider's client.
    /// </summary>
    public static IHostApplicationBuilder AddLlm(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>();
        builder.Services.AddSingleton<StructuredChat>();
        builder.Services.AddSingleton<TokenCounter>();

        builder.Services.AddChatClient(Provider)
            .UseLogging()
            .UseOpenTelemetry(sourceName: "ContentPipeline.Llm", configure: c => c.EnableSensitiveData = false)
            .Use((inner, sp) => ActivatorUtilities.CreateInstance<RecordingChatClient>(sp, inner))
            .Use((inner, sp) => ActivatorUtilities.CreateInstance<RetryingChatClient>(sp, inner))
            .Use((inner, sp) => ActivatorUtilities.CreateInstance<ThrottlingChatClient>(sp, inner));
        return builder;
    }

    private static IChatClient Provider(IServiceProvider sp)
    {
        var o = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
        return o.Provider switch
        {
            LlmProvider.AzureOpenAI => new AzureOpenAIClient(new Uri(o.Endpoint!), new ApiKeyCredential(o.ApiKey!), AzureOptions(o))
                .GetChatClient(o.Deployment!).AsIChatClient(),
            LlmProvider.OpenAI => new OpenAIClient(new ApiKeyCredential(string.IsNullOrWhiteSpace(o.ApiKey) ? "unused" : o.ApiKey),
                    WithoutRetries(new OpenAIClientOptions { Endpoint = new Uri(o.Endpoint!) }, o))
                .GetChatClient(o.Model!).AsIChatClient(),
            _ => ActivatorUtilities.CreateInstance<OfflineChatClient>(sp),
        };
    }

    private static AzureOpenAIClientOptions AzureOptions(LlmOptions o) => WithoutRetries(
        string.IsNullOrWhiteSpace(o.ApiVersion) ? new AzureOpenAIClientOptions() : new AzureOpenAIClientOptions(AzureApiVersion.Parse(o.ApiVersion)), o);

    /// <summary>Our RetryingChatClient is the only retry layer; the SDK's own would multiply attempts.</summary>
    private static T WithoutRetries<T>(T options, LlmOptions o) where T : ClientPipelineOptions
    {
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        // A backstop only: ThrottlingChatClient enforces Llm:TimeoutSeconds first.
        options.NetworkTimeout = TimeSpan.FromSeconds(o.TimeoutSeconds + 5);
        return options;
    }
}
