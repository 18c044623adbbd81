using ContentPipeline.Summaries.Extractive;

namespace ContentPipeline.Benchmarks.Rouge;

/// <summary>Sentence TextRank as in Mihalcea and Tarau (2004), kept plain so it stays a fair reference point.</summary>
/// <remarks>
/// Similarity is the number of distinct lower-cased non-stop words two sentences share divided by
/// log|Si| + log|Sj| (sizes of those word sets); scores come from weighted PageRank with d = 0.85 run to convergence.
/// The top k sentences (earlier wins ties) are returned in article order.
/// </remarks>
internal static class TextRankBaseline
{
    private const double Damping = 0.85;

    public static IReadOnlyList<string> Summarize(IReadOnlyList<string> sentences, int k)
    {
        var words = sentences.Select(Words).ToList();
        var n = sentences.Count;
        var weights = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
                weights[i, j] = weights[j, i] = Similarity(words[i], words[j]);
        }
        var scores = PageRank(weights, n);
        return Enumerable.Range(0, n)
            .OrderByDescending(i => scores[i]).ThenBy(i => i)
            .Take(k).Order()
            .Select(i => sentences[i]).ToList();
    }

    // Distinct lower-cased words without stop words, as common TextRank implementations (e.g. sumy) use;
    // counting function words would make every pair of long sentences look alike.
    private static IReadOnlyList<string> Words(string sentence) =>
        RougeScorer.Tokenize(sentence).Where(w => !StopWords.Contains(w)).Distinct().ToList();

    private static double Similarity(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var denominator = Math.Log(a.Count) + Math.Log(b.Count);
        return denominator <= 0 ? 0 : a.Intersect(b).Count() / denominator;
    }

    private static double[] PageRank(double[,] weights, int n)
    {
        var outSum = new double[n];
        for (var j = 0; j < n; j++)
        {
            for (var k = 0; k < n; k++)
                outSum[j] += weights[j, k];
        }
        var scores = Enumerable.Repeat(1.0, n).ToArray();
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var next = new double[n];
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < n; j++)
                {
                    if (outSum[j] > 0)
                        sum += weights[j, i] / outSum[j] * scores[j];
                }
                next[i] = 1 - Damping + Damping * sum;
                change = Math.Max(change, Math.Abs(next[i] - scores[i]));
            }
            scores = next;
            if (change < 1e-6)
                break;
        }
        return scores;
    }
}
