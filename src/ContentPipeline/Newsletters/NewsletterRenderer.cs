using ContentPipeline.Issues;
using System.Globalization;
using ContentPipeline.Templates;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Newsletters;

/// <summary>Renders an issue with templates/newsletter.html.liquid (HTML-encoded) and newsletter.txt.liquid.</summary>
public sealed class NewsletterRenderer(TemplateStore templates, IOptions<NewsletterOptions> options)
{
    public const string HtmlTemplate = "newsletter.html.liquid", TextTemplate = "newsletter.txt.liquid";

    /// <summary>The only types the newsletter templates may read.</summary>
    public static readonly Type[] ViewTypes = [typeof(NewsletterView), typeof(StoryView), typeof(ReaderView), typeof(ListenView)];

    /// <param name="episodeSeconds">The length of the issue's ready episode (<see cref="IssueEpisode"/>), or null for none.</param>
    public NewsletterView View(long issueId, DateTime date, IReadOnlyList<Story> stories, double? episodeSeconds = null)
    {
        var o = options.Value;
        var subject = stories.Count switch
        {
            0 => o.Title,
            1 => $"{o.Title}: {stories[0].Headline}",
            _ => $"{o.Title}: {stories[0].Headline} and {stories.Count - 1} more",
        };
        return new NewsletterView(o.Title, OneLine(subject), issueId, date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            stories.Select(s => new StoryView(OneLine(s.Headline), s.Summary, s.KeyPoints, s.Topics, SafeLink(s.Url))).ToList(),
            o.Link($"issues/{issueId}"), ReaderView.Anonymous,
            episodeSeconds is { } seconds ? new ListenView(o.Link($"issues/{issueId}#podcast-episode"), ListenView.Spoken(seconds)) : null);
    }

    public string Html(NewsletterView model) => templates.RenderHtml(HtmlTemplate, model);

    public string Text(NewsletterView model) => templates.RenderText(TextTemplate, model);

    /// <summary>Only http(s) links reach a message: no javascript: or data: from an article's URL.</summary>
    private static string? SafeLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
