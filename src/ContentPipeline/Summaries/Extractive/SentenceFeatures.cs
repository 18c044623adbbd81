namespace ContentPipeline.Summaries.Extractive;

/// <summary>Per-sentence signals, each scaled to [0, 1] within the article, that the ranker weighs.</summary>
internal sealed record SentenceFeatures(
    double[] Centrality,
    double[] OverlapCentrality,
    double[] Density,
    double[] Title,
    double[] Length,
    double[] Suitability)
{
    public static SentenceFeatures Of(ArticleAnalysis article, ExtractiveWeights options)
    {
        var n = article.Sentences.Count;
        var maxCount = article.TermCounts.Count == 0 ? 1 : article.TermCounts.Values.Max();
        return new SentenceFeatures(
            Normalized(article.Graph.Centrality(options.Damping, binary: false)),
            Normalized(article.Graph.Centrality(options.Damping, binary: true)),
            Normalized(Each(n, i => article.Terms[i].Count == 0 ? 0 : article.Terms[i].Average(t => (double)article.TermCounts[t] / maxCount))),
            Each(n, i => article.TitleTerms.Count == 0 ? 0 : article.Graph.CosineTo(article.TitleTerms, i)),
            Normalized(Each(n, i => article.WordCounts[i])),
            Each(n, i => SuitabilityOf(article, i, options.MinWords)));
    }

    // Headings, fragments and questions make poor summary sentences, but stay eligible for very short articles.
    private static double SuitabilityOf(ArticleAnalysis article, int i, int minWords)
    {
        var factor = 1.0;
        if (article.WordCounts[i] < minWords)
            factor *= 0.3;
        var end = article.Sentences[i].TrimEnd('"', '”', '’', '\'', ')');
        if (end.Length == 0 || end[^1] is not ('.' or '!' or '…'))
            factor *= 0.3;
        return factor;
    }

    private static double[] Each(int n, Func<int, double> value) => Enumerable.Range(0, n).Select(value).ToArray();

    private static double[] Normalized(double[] values)
    {
        var max = values.Length == 0 ? 0 : values.Max();
        return max <= 0 ? values.Select(_ => 0.0).ToArray() : values.Select(v => v / max).ToArray();
    }
}
