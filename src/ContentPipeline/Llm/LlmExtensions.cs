using System.ClientModel;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace ContentPipeline.Llm;

public static class LlmExtensions
{
    /// <summary>The one place where the provider is chosen; everything else sees only IChatClient.</summary>
    public static IHostApplicationBuilder AddLlm(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>();
        builder.Services.AddSingleton<StructuredChat>();

        builder.Services.AddChatClient(sp =>
            {
                var o = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
                return o.Provider switch
                {
                    LlmProvider.AzureOpenAI => new AzureOpenAIClient(new Uri(o.Endpoint!), new ApiKeyCredential(o.ApiKey!), AzureClientOptions(o))
                        .GetChatClient(o.Deployment!).AsIChatClient(),
                    LlmProvider.OpenAI => new OpenAIClient(new ApiKeyCredential(string.IsNullOrWhiteSpace(o.ApiKey) ? "unused" : o.ApiKey),
                            new OpenAIClientOptions { Endpoint = new Uri(o.Endpoint!), NetworkTimeout = TimeSpan.FromSeconds(o.TimeoutSeconds) })
                        .GetChatClient(o.Model!).AsIChatClient(),
                    _ => ActivatorUtilities.CreateInstance<OfflineChatClient>(sp),
                };
            })
            .UseLogging();
        return builder;
    }

    private static AzureOpenAIClientOptions AzureClientOptions(LlmOptions o)
    {
        var options = new AzureOpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(o.TimeoutSeconds) };
        return options;
    }
}
