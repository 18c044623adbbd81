using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Episodes.Speech;

public static class SpeechExtensions
{
    /// <summary>
    /// The one place where the speech provider is chosen; everything else sees only ITextToSpeechClient. Outermost first:
    /// logging, then the record-and-cache layer around the provider's client. A provider with a network (phase 2:
    /// AzureOpenAI, OpenAI) slots in here, with retry and throttle decorators inside the cache as the chat seam has them.
    /// </summary>
    public static IHostApplicationBuilder AddSpeech(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SpeechOptions>().BindConfiguration(SpeechOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<SpeechCheck>();
        builder.Services.AddTextToSpeechClient(Provider)
            .UseLogging()
            .Use((inner, sp) => ActivatorUtilities.CreateInstance<RecordingSpeechClient>(sp, inner));
        return builder;
    }

    private static ITextToSpeechClient Provider(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<SpeechOptions>>().Value.Provider switch
        {
            _ => ActivatorUtilities.CreateInstance<EspeakSpeechClient>(sp),
        };
}
