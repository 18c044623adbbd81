using System.Text.RegularExpressions;

namespace ContentPipeline.Summaries.Extractive;

/// <summary>Scores a summary against a reference with ROUGE (Lin, 2004), without stemming or stop-word removal.</summary>
/// <remarks>
/// Tokenization follows Google's rouge-score package: lower-case the text and take each run of ASCII letters
/// and digits as a token, so "$10.9bn." gives "10", "9bn" and "U.S." gives "u", "s". Because punctuation is
/// dropped, references whose sentences run together ("bn.For") tokenize like spaced text. ROUGE-L takes the
/// longest common subsequence of the two whole token sequences.
/// </remarks>
public static partial class RougeScorer
{
    public static RougeScores Score(string candidate, string reference)
    {
        var c = Tokenize(candidate);
        var r = Tokenize(reference);
        return new RougeScores(NGram(c, r, 1), NGram(c, r, 2), RougeScore.From(Lcs(c, r), c.Count, r.Count));
    }

    public static IReadOnlyList<string> Tokenize(string text) =>
        Token().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();

    private static RougeScore NGram(IReadOnlyList<string> c, IReadOnlyList<string> r, int n)
    {
        var cGrams = Count(c, n);
        var rGrams = Count(r, n);
        var overlap = cGrams.Sum(g => Math.Min(g.Value, rGrams.GetValueOrDefault(g.Key)));
        return RougeScore.From(overlap, Math.Max(0, c.Count - n + 1), Math.Max(0, r.Count - n + 1));
    }

    private static Dictionary<string, int> Count(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>();
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = n == 1 ? tokens[i] : string.Join(' ', tokens.Skip(i).Take(n));
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }
        return counts;
    }

    private static int Lcs(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            (previous, current) = (current, previous);
        }
        return previous[b.Count];
    }

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex Token();
}
