namespace ContentPipeline.Summaries.Extractive;

/// <summary>TF-IDF vectors of an article's sentences (sentences play the role of documents) and their cosine similarities.</summary>
internal sealed class SentenceGraph
{
    private readonly Dictionary<string, double>[] _vectors;
    private readonly double[,] _overlap;

    public SentenceGraph(IReadOnlyList<IReadOnlyList<string>> sentenceTerms)
    {
        var documentFrequency = new Dictionary<string, int>();
        foreach (var terms in sentenceTerms)
        {
            foreach (var term in terms.Distinct())
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        }
        var n = sentenceTerms.Count;
        _vectors = sentenceTerms.Select(terms => terms
            .GroupBy(t => t)
            .ToDictionary(g => g.Key, g => g.Count() * (1 + Math.Log((double)n / documentFrequency[g.Key]))))
            .ToArray();
        Similarity = new double[n, n];
        _overlap = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            Similarity[i, i] = _overlap[i, i] = 1;
            for (var j = i + 1; j < n; j++)
            {
                Similarity[i, j] = Similarity[j, i] = Cosine(_vectors[i], _vectors[j]);
                var shared = _vectors[i].Keys.Count(_vectors[j].ContainsKey);
                _overlap[i, j] = _overlap[j, i] = shared == 0 ? 0 : shared / Math.Sqrt(_vectors[i].Count * _vectors[j].Count);
            }
        }
    }

    public int Count => _vectors.Length;

    public double[,] Similarity { get; }

    public double CosineTo(IReadOnlyList<string> terms, int sentence) =>
        Cosine(terms.GroupBy(t => t).ToDictionary(g => g.Key, g => (double)g.Count()), _vectors[sentence]);

    /// <summary>LexRank: PageRank over the similarity graph, so sentences echoed by many others rank high.</summary>
    /// <param name="binary">Weigh edges by shared distinct terms (cosine of word sets) instead of TF-IDF cosine.</param>
    public double[] Centrality(double damping, bool binary)
    {
        var n = Count;
        var weights = binary ? _overlap : Similarity;
        var rowSum = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
                rowSum[i] += i == j ? 0 : weights[i, j];
        }
        var scores = Enumerable.Repeat(1.0 / Math.Max(1, n), n).ToArray();
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var next = new double[n];
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < n; j++)
                {
                    if (j != i && rowSum[j] > 0)
                        sum += weights[j, i] / rowSum[j] * scores[j];
                }
                next[i] = (1 - damping) / n + damping * sum;
                change = Math.Max(change, Math.Abs(next[i] - scores[i]));
            }
            scores = next;
            if (change < 1e-7)
                break;
        }
        return scores;
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count == 0 || b.Count == 0)
            return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var dot = small.Sum(e => large.TryGetValue(e.Key, out var v) ? e.Value * v : 0);
        return dot == 0 ? 0 : dot / (Norm(a) * Norm(b));
    }

    private static double Norm(Dictionary<string, double> v) => Math.Sqrt(v.Values.Sum(x => x * x));
}
