using ContentPipeline.Templates;

namespace ContentPipeline.Newsletters;

public static class NewslettersExtensions
{
    /// <summary>The newsletter's HTML and text from its Liquid templates, and the job that renders an issue's web version.</summary>
    public static IHostApplicationBuilder AddNewsletters(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NewsletterOptions>().BindConfiguration(NewsletterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddTemplateUse([NewsletterRenderer.HtmlTemplate, NewsletterRenderer.TextTemplate],
            NewsletterRenderer.ViewTypes);
        builder.Services.AddSingleton<NewsletterRenderer>();
        builder.Services.AddScoped<IssueViews>();
        builder.Services.AddScoped<RenderIssueJob>();
        return builder;
    }
}
