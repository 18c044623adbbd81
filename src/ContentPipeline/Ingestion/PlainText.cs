using System.Text.RegularExpressions;

namespace ContentPipeline.Ingestion;

/// <summary>Titles and text from .txt and .md files.</summary>
public static partial class PlainText
{
    /// <summary>
    /// A .txt file's first line is its title when a blank line follows it and it reads like a headline:
    /// short and without a sentence's closing punctuation.
    /// </summary>
    public static (string? Title, string Text) FromText(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var first = lines[0].Trim();
        var blankFollows = lines.Length > 1 && lines[1].Trim().Length == 0;
        if (blankFollows && first.Length is > 0 and <= 150 && !".!?\"”’:;,".Contains(first[^1]))
            return (first, string.Join("\n", lines.Skip(2)).Trim());
        return (null, text.Trim());
    }

    /// <summary>Markdown: a leading "# " heading is the title; links keep their text; emphasis and heading marks go.</summary>
    public static (string? Title, string Text) FromMarkdown(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n').ToList();
        string? title = null;
        var firstContent = lines.FindIndex(l => l.Trim().Length > 0);
        if (firstContent >= 0 && lines[firstContent].TrimStart().StartsWith("# ", StringComparison.Ordinal))
        {
            title = lines[firstContent].Trim()[2..].Trim();
            lines.RemoveAt(firstContent);
        }
        var text = string.Join("\n", lines);
        text = Image().Replace(text, "");
        text = Link().Replace(text, "$1");
        text = Heading().Replace(text, "");
        text = Emphasis().Replace(text, "$2");
        return (title, text.Trim());
    }

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"(\*\*|\*)(\S(?:.*?\S)?)\1")]
    private static partial Regex Emphasis();
}
