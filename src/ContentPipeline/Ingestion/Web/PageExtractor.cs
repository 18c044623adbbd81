namespace ContentPipeline.Ingestion.Web;

/// <summary>A web page's main content (SmartReader, a port of Mozilla's Readability), paragraphs kept; plain HTML-to-text when it finds none.</summary>
public static class PageExtractor
{
    public static (string? Title, string Text, DateTimeOffset? Published) Extract(string html, Uri? url)
    {
        var article = SmartReader.Reader.ParseArticle(url?.AbsoluteUri ?? "https://localhost/", html);
        var fallback = HtmlText.Extract(html);
        if (!article.IsReadable || string.IsNullOrWhiteSpace(article.Content)) return (fallback.Title, fallback.Text, null);
        var (_, text) = HtmlText.Extract(article.Content);
        var title = string.IsNullOrWhiteSpace(article.Title) ? fallback.Title : article.Title.Trim();
        return (title, text, article.PublicationDate is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null);
    }
}
