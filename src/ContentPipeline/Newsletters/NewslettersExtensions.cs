using ContentPipeline.Hosting;
using ContentPipeline.Scripts;
using ContentPipeline.Summaries;
using ContentPipeline.Templates;

namespace ContentPipeline.Newsletters;

public static class NewslettersExtensions
{
    /// <summary>Templates (newsletter, script, prompts) are parsed here, once, when the host starts.</summary>
    public static IHostApplicationBuilder AddNewsletters(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NewsletterOptions>().BindConfiguration(NewsletterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => new TemplateStore(sp.GetRequiredService<ContentRoot>().Resolve("templates"),
        [
            typeof(NewsletterModel), typeof(StoryModel), typeof(ReaderModel),
            typeof(ScriptView), typeof(ScriptSegmentView), typeof(ShowNote), typeof(ScriptPromptModel), typeof(SummaryPromptModel),
        ]));
        builder.Services.AddHostedService<TemplateCheck>();
        builder.Services.AddSingleton<NewsletterRenderer>();
        builder.Services.AddScoped<IssueStories>();
        builder.Services.AddScoped<RenderIssueJob>();
        return builder;
    }

    /// <summary>Fails the start when a template is missing or does not parse, instead of the first send.</summary>
    private sealed class TemplateCheck(TemplateStore store) : IHostedService
    {
        private static readonly string[] Required =
        [
            NewsletterRenderer.HtmlTemplate, NewsletterRenderer.TextTemplate, ScriptMarkdown.Template,
            ArticleSummarizer.PromptTemplate, ScriptWriter.PromptTemplate,
        ];

        public Task StartAsync(CancellationToken cancellationToken)
        {
            var missing = Required.Where(name => !store.Has(name)).ToList();
            return missing.Count == 0 ? Task.CompletedTask
                : throw new StartupException($"Missing template(s) in templates/: {string.Join(", ", missing)}");
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
