using System.Text.RegularExpressions;

namespace ContentPipeline.Summaries.Extractive;

/// <summary>Picks 3 to 6 topics: recurring names (as written) and recurring content words (lower-case).</summary>
internal static partial class TopicExtractor
{
    private const int MaxTopics = 6;
    private const int MinTopics = 3;

    private sealed record Candidate(string Key, string Display, HashSet<string> Terms, double Score, bool IsName);

    public static IReadOnlyList<string> Extract(ArticleAnalysis article)
    {
        var names = NamePhrases.Find(article.Sentences);
        var titleTerms = article.TitleTerms.ToHashSet();
        var candidates = names
            .Select(n => new Candidate(n.Key, n.Display, Extractive.Terms.Of(n.Display).ToHashSet(), n.Count * 1.5, true))
            .Concat(article.TermCounts
                .Where(t => t.Key.Length > 2 && !Number().IsMatch(t.Key) && !NamePhrases.IsCalendarWord(t.Key) && !names.Any(n => n.Key == t.Key))
                .Select(t => new Candidate(t.Key, t.Key, [t.Key], t.Value, false)))
            .Select(c => c with { Score = c.Score * (c.Terms.Overlaps(titleTerms) ? 1.5 : 1) * (c.Terms.Count > 1 ? 1.2 : 1) })
            .Where(c => c.Terms.Count > 0 && (c.Score >= 2 || c.Terms.Overlaps(titleTerms)))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Key, StringComparer.Ordinal);

        var chosen = new List<Candidate>();
        foreach (var candidate in candidates)
        {
            // "Putin" beside "Vladimir Putin" says the same thing twice; the fuller name replaces the shorter topic.
            var same = chosen.FindIndex(c => c.Terms.Overlaps(candidate.Terms));
            if (same >= 0)
            {
                if (candidate.IsName && candidate.Terms.IsProperSupersetOf(chosen[same].Terms))
                    chosen[same] = chosen[same] with { Display = candidate.Display, Terms = candidate.Terms, IsName = true };
                continue;
            }
            if (chosen.Count >= MinTopics && candidate.Score < 0.34 * chosen[0].Score)
                continue;
            chosen.Add(candidate);
            if (chosen.Count == MaxTopics)
                break;
        }
        return chosen.Select(c => c.Display).ToList();
    }

    [GeneratedRegex(@"^[\d.,%]+$")]
    private static partial Regex Number();
}
