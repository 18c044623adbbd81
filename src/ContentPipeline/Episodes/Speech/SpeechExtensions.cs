using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace ContentPipeline.Episodes.Speech;

public static class SpeechExtensions
{
    /// <summary>
    /// The one place where the speech provider is chosen; everything else sees only ITextToSpeechClient. Outermost first:
    /// logging, the record-and-cache layer (so a cached answer makes no call), then, for a provider with a network, the
    /// plain-text-and-split layer (each part retried on its own), the one retry layer, and the concurrency and timeout
    /// limits around the provider's client.
    /// </summary>
    public static IHostApplicationBuilder AddSpeech(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SpeechOptions>().BindConfiguration(SpeechOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SpeechOptions>, SpeechOptionsValidator>();
        builder.Services.AddHostedService<SpeechCheck>();
        builder.Services.AddTextToSpeechClient(Provider)
            .UseLogging()
            .Use((inner, sp) => ActivatorUtilities.CreateInstance<RecordingSpeechClient>(sp, inner))
            .Use((inner, sp) => Networked(sp) ? ActivatorUtilities.CreateInstance<SentenceSplittingSpeechClient>(sp, inner) : inner)
            .Use((inner, sp) => Networked(sp) ? ActivatorUtilities.CreateInstance<RetryingSpeechClient>(sp, inner) : inner)
            .Use((inner, sp) => Networked(sp) ? ActivatorUtilities.CreateInstance<ThrottlingSpeechClient>(sp, inner) : inner);
        return builder;
    }

    private static bool Networked(IServiceProvider sp) => sp.GetRequiredService<IOptions<SpeechOptions>>().Value.Provider != SpeechProvider.Offline;

    private static ITextToSpeechClient Provider(IServiceProvider sp)
    {
        var o = sp.GetRequiredService<IOptions<SpeechOptions>>().Value;
        return o.Provider switch
        {
            SpeechProvider.AzureOpenAI => new OpenAIClient(new ApiKeyCredential(o.ApiKey!), AzureOptions(o))
                .GetAudioClient(o.Deployment!).AsITextToSpeechClient(),
            SpeechProvider.OpenAI => new OpenAIClient(new ApiKeyCredential(string.IsNullOrWhiteSpace(o.ApiKey) ? "unused" : o.ApiKey),
                    WithoutRetries(new OpenAIClientOptions { Endpoint = new Uri(o.Endpoint!) }, o))
                .GetAudioClient(o.Model!).AsITextToSpeechClient(),
            _ => ActivatorUtilities.CreateInstance<EspeakSpeechClient>(sp),
        };
    }

    /// <summary>See AzureSpeechRoute: the GA Azure SDK refuses speech, so the OpenAI SDK is sent down Azure's route.</summary>
    private static OpenAIClientOptions AzureOptions(SpeechOptions o)
    {
        var options = WithoutRetries(new OpenAIClientOptions { Endpoint = AzureSpeechRoute.Endpoint(o) }, o);
        options.AddPolicy(new AzureSpeechRoute(o.ApiKey!, AzureSpeechRoute.Version(o)), PipelinePosition.BeforeTransport);
        return options;
    }

    /// <summary>RetryingSpeechClient is the only retry layer; the SDK's own would multiply attempts.</summary>
    private static T WithoutRetries<T>(T options, SpeechOptions o) where T : ClientPipelineOptions
    {
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        // A backstop only: ThrottlingSpeechClient enforces Speech:TimeoutSeconds first.
        options.NetworkTimeout = TimeSpan.FromSeconds(o.TimeoutSeconds + 5);
        return options;
    }
}
