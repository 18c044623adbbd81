using System.Text.RegularExpressions;

namespace ContentPipeline.Summaries.Extractive;

/// <summary>Splits news text into sentences.</summary>
public static partial class SentenceSplitter
{
    public static IReadOnlyList<string> Split(string text) =>
        text.Split('\n')
            .SelectMany(p => Boundary().Split(p))
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .ToList();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""“])")]
    private static partial Regex Boundary();
}
