using ContentPipeline.Llm;

namespace ContentPipeline.Scripts;

public static class ScriptsExtensions
{
    public static IHostApplicationBuilder AddScripts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScriptOptions>().BindConfiguration(ScriptOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IOfflineResponder, OfflineScriptResponder>();
        builder.Services.AddSingleton<ScriptWriter>();
        builder.Services.AddSingleton<ScriptMarkdown>();
        builder.Services.AddSingleton<ScriptSsml>();
        builder.Services.AddScoped<WriteScriptJob>();
        return builder;
    }
}
