using ContentPipeline.Summaries.Extractive;

namespace ContentPipeline.Benchmarks.Rouge;

/// <summary>One system's per-article scores, in the same order as the articles.</summary>
internal sealed record SystemResult(string Name, IReadOnlyList<RougeScores> Scores, double MillisecondsPerArticle)
{
    /// <summary>Mean F1 x100 of ROUGE-1, ROUGE-2 and ROUGE-L over the articles <paramref name="include"/> keeps.</summary>
    public double[] MeanF1(Func<int, bool> include)
    {
        var kept = Enumerable.Range(0, Scores.Count).Where(include).Select(i => Scores[i]).ToList();
        return
        [
            100 * kept.Average(s => s.Rouge1.F1),
            100 * kept.Average(s => s.Rouge2.F1),
            100 * kept.Average(s => s.RougeL.F1),
        ];
    }
}
