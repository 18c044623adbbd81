namespace ContentPipeline.Summaries.Extractive;

/// <summary>Scores each sentence of an article on its own merits; selection then handles redundancy.</summary>
internal static class SentenceRanker
{
    public static double[] Score(SentenceFeatures f, ExtractiveSummarizerOptions options)
    {
        var scores = new double[f.Centrality.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = (options.Centrality * f.Centrality[i]
                + options.OverlapCentrality * f.OverlapCentrality[i]
                + options.Density * f.Density[i]
                + options.Title * f.Title[i]
                + options.Position / (i + 1)) * Math.Pow(f.Length[i], options.LengthBias) * f.Suitability[i];
        }
        return scores;
    }
}
