using System.Text.RegularExpressions;

namespace ContentPipeline.Summaries.Extractive;

/// <summary>Removes page furniture (subscribe prompts, "Continue reading", related headlines) from article text.</summary>
public static partial class ArticleCleaner
{
    /// <summary>Returns the article's paragraphs, one per line, without furniture lines.</summary>
    public static string Clean(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !Furniture().IsMatch(l));
        return string.Join("\n", lines);
    }

    [GeneratedRegex(@"^(continue reading|subscribe to|sign up|read more|related:)", RegexOptions.IgnoreCase)]
    private static partial Regex Furniture();
}
