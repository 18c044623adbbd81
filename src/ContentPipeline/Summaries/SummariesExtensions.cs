using ContentPipeline.Llm;

namespace ContentPipeline.Summaries;

public static class SummariesExtensions
{
    public static IHostApplicationBuilder AddSummaries(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SummaryOptions>().BindConfiguration(SummaryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IOfflineResponder, OfflineSummaryResponder>();
        builder.Services.AddSingleton<ArticleSummarizer>();
        builder.Services.AddScoped<SummarizeArticleJob>();
        return builder;
    }
}
