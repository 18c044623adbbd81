namespace ContentPipeline.Summaries.Extractive;

/// <summary>Picks sentences by Maximal Marginal Relevance within a length, and returns their indices (in article order unless asked for rank order).</summary>
internal static class SentenceSelector
{
    // Cosine above this means the same fact told twice; MMR alone lets such pairs through when both score high.
    private const double NearDuplicate = 0.7;

    private static readonly string[] Openers =
        ["It ", "Its ", "They ", "Their ", "Them ", "He ", "His ", "She ", "Her ", "This ", "These ", "Those ", "But ", "However", "And ", "Also", "Yet "];

    public static IReadOnlyList<int> Select(ArticleAnalysis article, double[] scores, SummaryLength length, double redundancy, bool inArticleOrder = true,
        double dangling = 0)
    {
        var n = scores.Length;
        var maxSentences = length.Sentences ?? (length.Words is null ? 3 : n);
        var wordBudget = length.Sentences is null ? length.Words : null;
        var chosen = new List<int>();
        var remaining = Enumerable.Range(0, n).ToList();
        var wordsUsed = 0;
        while (chosen.Count < maxSentences && remaining.Count > 0)
        {
            var best = -1;
            var bestValue = double.NegativeInfinity;
            foreach (var i in remaining)
            {
                var overlap = chosen.Count == 0 ? 0 : chosen.Max(j => article.Graph.Similarity[i, j]);
                if (overlap >= NearDuplicate)
                    continue;
                var value = scores[i] - redundancy * overlap;
                if (dangling > 0 && i > 0 && !chosen.Contains(i - 1) && OpensWithReference(article.Sentences[i]))
                    value -= dangling;
                if (value > bestValue)
                    (best, bestValue) = (i, value);
            }
            if (best < 0)
                break;
            remaining.Remove(best);
            // With a word budget a long sentence that does not fit is skipped so a shorter one can; the first always fits.
            if (wordBudget is { } budget && chosen.Count > 0 && wordsUsed + article.WordCounts[best] > budget)
                continue;
            chosen.Add(best);
            wordsUsed += article.WordCounts[best];
        }
        if (inArticleOrder)
            chosen.Sort();
        return chosen;
    }

    private static bool OpensWithReference(string sentence)
    {
        var start = sentence.TrimStart('"', '“', '‘', '\'', ' ');
        return Openers.Any(o => start.StartsWith(o, StringComparison.Ordinal));
    }
}
