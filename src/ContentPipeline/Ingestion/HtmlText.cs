using System.Net;
using System.Text.RegularExpressions;

namespace ContentPipeline.Ingestion;

/// <summary>HTML to plain text with paragraphs kept: scripts, styles and page chrome dropped, entities decoded.</summary>
public static partial class HtmlText
{
    public static (string? Title, string Text) Extract(string html)
    {
        var title = FirstMatch(OgTitle(), html) ?? FirstMatch(H1(), html) ?? FirstMatch(TitleTag(), html);
        var body = Head().Replace(html, " ");
        body = Chrome().Replace(body, " ");
        body = Comment().Replace(body, " ");
        body = Block().Replace(body, "\n");
        body = Tag().Replace(body, " ");
        body = WebUtility.HtmlDecode(body);
        var lines = body.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0);
        var text = string.Join("\n", lines);
        if (title is not null && text.StartsWith(title, StringComparison.Ordinal))
            text = text[title.Length..].TrimStart('\n');
        return (title, text);
    }

    private static string? FirstMatch(Regex regex, string html)
    {
        var match = regex.Match(html);
        if (!match.Success) return null;
        var text = Spaces().Replace(WebUtility.HtmlDecode(Tag().Replace(match.Groups[1].Value, " ")), " ").Trim();
        return text.Length > 0 ? text : null;
    }

    [GeneratedRegex(@"<(script|style|noscript|template|svg|nav|header|footer|aside|form|iframe)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Chrome();

    /// <summary>The main part of a page when it marks one: its first &lt;article&gt;, else &lt;main&gt;; null when it marks neither.</summary>
    public static string? MainPart(string html)
    {
        var match = ArticleElement().Match(html);
        if (!match.Success) match = MainElement().Match(html);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"<article\b[^>]*>(.*?)</article\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ArticleElement();

    [GeneratedRegex(@"<main\b[^>]*>(.*?)</main\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex MainElement();

    [GeneratedRegex(@"<head\b[^>]*>.*?</head\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Head();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<\s*(br|/?p|/?div|/?h[1-6]|/?li|/?ul|/?ol|/?blockquote|/?section|/?article|/?tr|/?table|/?pre|/?figure|/?figcaption)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Block();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\u00A0\r\f\v]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"<meta[^>]+property=[""']og:title[""'][^>]+content=[""']([^""']+)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex OgTitle();

    [GeneratedRegex(@"<h1\b[^>]*>(.*?)</h1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex H1();

    [GeneratedRegex(@"<title\b[^>]*>(.*?)</title\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitleTag();
}
