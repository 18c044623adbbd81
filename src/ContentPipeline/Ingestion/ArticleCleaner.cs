using System.Net;
using System.Text.RegularExpressions;

namespace ContentPipeline.Ingestion;

/// <summary>Removes page furniture (prompts, bylines, credits, related headlines) from scraped article text.</summary>
public static partial class ArticleCleaner
{
    /// <summary>Returns the article's paragraphs, one per line, without furniture lines.</summary>
    public static string Clean(string text)
    {
        var kept = new List<string>();
        var inRelatedList = false;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = Spaces().Replace(WebUtility.HtmlDecode(raw), " ").Trim();
            if (line.Length == 0)
                continue;
            if (Furniture.IsRelatedListMarker(line))
            {
                inRelatedList = true;
                continue;
            }
            // The list of other stories ends at the first line that reads like the article again.
            if (inRelatedList && Furniture.LooksLikeHeadline(line))
                continue;
            inRelatedList = false;
            if (Furniture.IsFurnitureLine(line))
                continue;
            var content = Furniture.StripInlineCredits(line);
            if (content.Length > 0)
                kept.Add(content);
        }
        return string.Join('\n', kept);
    }

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex Spaces();
}
