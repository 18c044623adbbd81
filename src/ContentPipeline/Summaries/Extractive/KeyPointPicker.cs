namespace ContentPipeline.Summaries.Extractive;

/// <summary>Picks three to five short, distinct points from the article, each a sentence or its opening clause.</summary>
internal static class KeyPointPicker
{
    private const int MaxPoints = 5;
    private const int MinPoints = 3;
    private const int MaxChars = 140;

    public static IReadOnlyList<string> Pick(ArticleAnalysis article, SentenceFeatures features, ExtractiveWeights options)
    {
        var length = SummaryLength.FromSentences(MaxPoints);
        var scores = SentenceRanker.Score(features, options, SentenceRanker.Coverage(article, length));
        // Quotes lose their speaker when cut short and long sentences lose their ends, so short reported facts come first.
        var adjusted = scores.Select((s, i) => s * features.Suitability[i]
            * (HeadlineWriter.StartsWithQuote(article.Sentences[i]) ? 0.5 : 1)
            * (article.Sentences[i].Length > MaxChars ? 0.7 : 1)).ToArray();
        var ranked = SentenceSelector.Select(article, adjusted, length, options.Redundancy, inArticleOrder: false);
        var top = ranked.Count == 0 ? 0 : adjusted[ranked[0]];
        // Beyond the minimum, a point has to be worth at least half the best one.
        return ranked
            .Where((i, rank) => rank < MinPoints || adjusted[i] >= 0.5 * top)
            .Order()
            .Select(i => ClauseTrimmer.Shorten(article.Sentences[i], MaxChars))
            .Distinct()
            .ToList();
    }
}
