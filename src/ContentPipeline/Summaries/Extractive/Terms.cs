using System.Text.RegularExpressions;

namespace ContentPipeline.Summaries.Extractive;

/// <summary>Turns text into the content terms the summarizer compares: lower-cased, stop words out, plurals folded.</summary>
internal static partial class Terms
{
    public static IReadOnlyList<string> Of(string text) =>
        Word().Matches(text).Select(m => Normalize(m.Value)).Where(t => t.Length > 1 && !StopWords.Contains(t)).ToList();

    /// <summary>Lower-cases, drops a possessive and folds regular plurals so "firms'" and "firm" meet.</summary>
    public static string Normalize(string word)
    {
        var w = word.ToLowerInvariant().Replace('’', '\'');
        if (w.EndsWith("'s", StringComparison.Ordinal))
            w = w[..^2];
        w = w.TrimEnd('\'');
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
            return w[..^3] + "y";
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)
            && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
            return w[..^1];
        return w;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)*['’]?")]
    private static partial Regex Word();
}
