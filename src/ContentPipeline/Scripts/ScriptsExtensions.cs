using ContentPipeline.Llm;
using ContentPipeline.Templates;

namespace ContentPipeline.Scripts;

public static class ScriptsExtensions
{
    /// <summary>The podcast-script draft of an issue: the writer, its Markdown and SSML, and its job.</summary>
    public static IHostApplicationBuilder AddScripts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScriptOptions>().BindConfiguration(ScriptOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddTemplateUse([ScriptMarkdown.Template, ScriptWriter.PromptTemplate],
            typeof(ScriptView), typeof(ScriptSegmentView), typeof(ShowNote), typeof(ScriptPromptView));
        builder.Services.AddSingleton<IOfflineResponder, OfflineScriptResponder>();
        builder.Services.AddSingleton<ScriptWriter>();
        builder.Services.AddSingleton<ScriptMarkdown>();
        builder.Services.AddSingleton<ScriptSsml>();
        builder.Services.AddScoped<WriteScriptJob>();
        return builder;
    }
}
