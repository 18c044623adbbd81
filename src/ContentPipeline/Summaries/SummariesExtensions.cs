using ContentPipeline.Llm;
using ContentPipeline.Templates;

namespace ContentPipeline.Summaries;

public static class SummariesExtensions
{
    /// <summary>One summary per article, and the offline client's extractive answers.</summary>
    public static IHostApplicationBuilder AddSummaries(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SummaryOptions>().BindConfiguration(SummaryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddTemplateUse([ArticleSummarizer.PromptTemplate], typeof(SummaryPromptView));
        builder.Services.AddSingleton<IOfflineResponder, OfflineSummaryResponder>();
        builder.Services.AddSingleton<ArticleSummarizer>();
        builder.Services.AddScoped<SummarizeArticleJob>();
        return builder;
    }
}
