namespace ContentPipeline.Benchmarks.Rouge;

/// <summary>The classic baseline: the article's first k sentences.</summary>
internal static class LeadBaseline
{
    public static IReadOnlyList<string> Summarize(IReadOnlyList<string> sentences, int k) => sentences.Take(k).ToList();
}
