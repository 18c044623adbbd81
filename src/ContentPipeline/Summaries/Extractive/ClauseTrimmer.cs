using System.Text.RegularExpressions;

namespace ContentPipeline.Summaries.Extractive;

/// <summary>Shortens a sentence to its opening clause(s) so headlines and key points stay short but say something.</summary>
internal static partial class ClauseTrimmer
{
    private static readonly string[] Breaks = [", ", "; ", ": ", " – ", " — ", " - "];

    // Words that usually open a subordinate clause; cutting before them keeps the main clause whole.
    private static readonly string[] Joiners =
    [
        " and ", " but ", " after ", " as ", " while ", " which ", " who ", " because ", " when ", " where ",
        " although ", " though ", " before ", " since ", " until ", " amid ", " despite ", " following ",
    ];

    /// <summary>The sentence without its final full stop if it fits; otherwise the longest clause-bounded prefix that does.</summary>
    public static string Shorten(string sentence, int maxChars, int minWords = 4)
    {
        var text = WithoutFinalStop(sentence.Trim());
        if (text.Length <= maxChars)
            return text;
        // A cut at punctuation reads better than one before "and" or "which", and a prefix with a verb is a
        // clause ("Mr Berg said the offer was fair") where one without is a dangling name ("The chief executive, Mr Berg").
        var cut = new[] { (Breaks, true), (Joiners, true), (Breaks, false), (Joiners, false) }
            .Select(rule => LongestCut(text, rule.Item1, maxChars, minWords, rule.Item2))
            .FirstOrDefault(c => c > 0, -1);
        if (cut < 0)
            cut = WordBoundaryBefore(text, maxChars);
        return text[..cut].TrimEnd(',', ';', ':', ' ', '–', '—', '-');
    }

    private static int LongestCut(string text, string[] marks, int maxChars, int minWords, bool needVerb) =>
        CutPoints(text, marks)
            .Where(i => i <= maxChars && WordCount(text[..i]) >= minWords && QuotesBalanced(text[..i]))
            .Where(i => !needVerb || Verb().IsMatch(text[..i]))
            .DefaultIfEmpty(-1).Max();

    private static IEnumerable<int> CutPoints(string text, string[] marks)
    {
        foreach (var mark in marks)
        {
            for (var i = text.IndexOf(mark, StringComparison.Ordinal); i > 0; i = text.IndexOf(mark, i + 1, StringComparison.Ordinal))
                yield return i;
        }
    }

    // Without a clause boundary in reach, stop at a word that is not a dangling function word ("of", "the").
    private static int WordBoundaryBefore(string text, int maxChars)
    {
        var cut = text.LastIndexOf(' ', Math.Min(maxChars, text.Length - 1));
        while (cut > 0)
        {
            var start = text.LastIndexOf(' ', cut - 1) + 1;
            if (!StopWords.Contains(text[start..cut].ToLowerInvariant()))
                break;
            cut = start - 1;
        }
        return cut > 0 ? cut : Math.Min(maxChars, text.Length);
    }

    private static string WithoutFinalStop(string text) =>
        text.EndsWith('.') && !text.EndsWith("...", StringComparison.Ordinal) ? text[..^1] : text;

    private static bool QuotesBalanced(string text) =>
        text.Count(c => c == '"') % 2 == 0 && text.Count(c => c == '“') == text.Count(c => c == '”');

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    // A rough verb detector: auxiliaries, reporting verbs and regular past tenses cover most news clauses.
    [GeneratedRegex(@"\b(is|are|was|were|be|been|has|have|had|said|says|told|will|would|can|could|may|might|must|should|did|does|\p{L}{3,}ed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Verb();
}
