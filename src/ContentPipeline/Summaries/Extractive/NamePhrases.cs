using System.Text.RegularExpressions;

namespace ContentPipeline.Summaries.Extractive;

/// <summary>Finds runs of capitalised words ("Time Warner", "Bank of England") that name people, places and firms.</summary>
internal static partial class NamePhrases
{
    public sealed record Name(string Key, string Display, int Count);

    // Capitalised but not topics.
    private static readonly HashSet<string> Calendar = new(StringComparer.OrdinalIgnoreCase)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    };

    public static bool IsCalendarWord(string word) => Calendar.Contains(word);

    public static IReadOnlyList<Name> Find(IReadOnlyList<string> sentences)
    {
        var words = sentences.Select(s => Word().Matches(s).Select(m => Strip(m.Value)).Where(w => w.Length > 0).ToList()).ToList();
        // A capitalised first word is only a name if the article never writes it in lower case.
        var lowerForms = words.SelectMany(w => w).Where(w => char.IsLower(w[0])).Select(w => w.ToLowerInvariant()).ToHashSet();
        var found = new List<string>();
        foreach (var sentence in words)
        {
            var run = new List<string>();
            for (var i = 0; i <= sentence.Count; i++)
            {
                var word = i < sentence.Count ? sentence[i] : "";
                var isName = word.Length > 1 && char.IsUpper(word[0]) && !StopWords.Contains(word.ToLowerInvariant()) && !Calendar.Contains(word)
                    && (i > 0 || !lowerForms.Contains(word.ToLowerInvariant()));
                var isLink = run.Count > 0 && word is "of" or "de" or "for" && i + 1 < sentence.Count && char.IsUpper(sentence[i + 1][0]);
                if (isName || isLink)
                {
                    run.Add(word);
                    continue;
                }
                if (run.Count is > 0 and <= 4)
                    found.Add(string.Join(' ', run));
                run.Clear();
            }
        }
        return found
            .GroupBy(f => f.ToLowerInvariant())
            .Select(g => new Name(g.Key, g.GroupBy(x => x).OrderByDescending(x => x.Count()).ThenBy(x => x.Key, StringComparer.Ordinal).First().Key, g.Count()))
            .ToList();
    }

    private static string Strip(string word)
    {
        var w = word.Replace('’', '\'');
        return w.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word.TrimEnd('\'', '’');
    }

    [GeneratedRegex(@"[\p{L}][\p{L}\p{N}'’&-]*")]
    private static partial Regex Word();
}
