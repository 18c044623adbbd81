namespace ContentPipeline.Ingestion.Web;

/// <summary>A web page's main content (SmartReader, a port of Mozilla's Readability), paragraphs kept; plain HTML-to-text when it finds none.</summary>
public static class PageExtractor
{
    public static (string? Title, string Text, DateTimeOffset? Published) Extract(string html, Uri? url)
    {
        var article = SmartReader.Reader.ParseArticle(url?.AbsoluteUri ?? "https://localhost/", html);
        var fallback = HtmlText.Extract(html);
        if (!article.IsReadable || string.IsNullOrWhiteSpace(article.Content))
        {
            // Too short for Readability's heuristics: trust the page's own <article> or <main> when it marks one.
            var main = HtmlText.MainPart(html) is { } part ? HtmlText.Extract(part).Text : fallback.Text;
            var title = string.IsNullOrWhiteSpace(article.Title) ? fallback.Title : article.Title.Trim();
            return (title, StripTitle(main, title), null);
        }
        var (_, text) = HtmlText.Extract(article.Content);
        var readableTitle = string.IsNullOrWhiteSpace(article.Title) ? fallback.Title : article.Title.Trim();
        return (readableTitle, StripTitle(text, readableTitle), article.PublicationDate is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null);
    }

    /// <summary>The headline repeated as the body's first line is the title, not a paragraph.</summary>
    private static string StripTitle(string text, string? title) =>
        title is not null && text.StartsWith(title, StringComparison.Ordinal) ? text[title.Length..].TrimStart('\n', ' ') : text;
}
