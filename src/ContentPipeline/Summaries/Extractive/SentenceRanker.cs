namespace ContentPipeline.Summaries.Extractive;

/// <summary>Scores each sentence of an article on its own merits; selection then handles redundancy.</summary>
internal static class SentenceRanker
{
    /// <param name="coverage">The share of the article the summary will take (see <see cref="Coverage"/>).</param>
    public static double[] Score(SentenceFeatures f, ExtractiveWeights options, double coverage)
    {
        var lengthBias = options.LengthBias * Math.Pow(1 - coverage, options.LengthBiasFalloff);
        var scores = new double[f.Centrality.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = (options.Centrality * f.Centrality[i]
                + options.OverlapCentrality * f.OverlapCentrality[i]
                + options.Density * f.Density[i]
                + options.Title * f.Title[i]
                + options.Position / (i + 1)) * Math.Pow(f.Length[i], lengthBias) * f.Suitability[i];
        }
        return scores;
    }

    /// <summary>The share of the article, in [0, 1], that a summary of <paramref name="length"/> takes: sentences over
    /// sentences, or words over words for a word budget.</summary>
    public static double Coverage(ArticleAnalysis article, SummaryLength length)
    {
        var n = article.Sentences.Count;
        if (n == 0)
            return 1;
        if (length.Sentences is { } sentences)
            return Math.Clamp((double)sentences / n, 0, 1);
        if (length.Words is { } words)
            return Math.Clamp((double)words / Math.Max(1, article.WordCounts.Sum()), 0, 1);
        return Math.Min(1, 3.0 / n);
    }
}
