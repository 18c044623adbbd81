using System.Diagnostics;
using ContentPipeline.Summaries.Extractive;
using ContentPipeline.Tests.TestSupport;

namespace ContentPipeline.Benchmarks.Rouge;

/// <summary>
/// <c>rouge [--data dir]</c>: scores our summarizer beside Lead and TextRank with ROUGE-1/2/L F1,
/// at 3 sentences and at the reference's own sentence count, on each half of the set and on all of it.
/// With <c>--tune</c> it grids summarizer options instead (see <see cref="RougeTuning"/>).
/// </summary>
internal static class RougeBenchmark
{
    private sealed record Contender(string Name, Func<EvalArticle, int, IReadOnlyList<string>> Summarize);

    public static int Run(string[] args)
    {
        var data = Path.GetFullPath(DataDirectory(args));
        var clock = Stopwatch.StartNew();
        var articles = BbcArticle.LoadAll(data).Select(EvalArticle.Prepare).ToList();
        var cleaningMs = clock.Elapsed.TotalMilliseconds / Math.Max(1, articles.Count);
        Console.WriteLine($"ROUGE F1 x100 on {articles.Count} articles from {data}");
        if (args.Contains("--tune"))
            return RougeTuning.Run(articles, args);
        Console.WriteLine($"Halves: A = files 0, 2, 4, ... in name order; B = files 1, 3, 5, ... Cleaning: {cleaningMs:F2} ms/article.");

        Contender[] systems =
        [
            new("Lead", (a, k) => LeadBaseline.Summarize(a.Sentences, k)),
            new("TextRank", (a, k) => TextRankBaseline.Summarize(a.Sentences, k)),
            new("Ours", (a, k) => ExtractiveSummarizer.Summarize(a.Cleaned, a.Title, SummaryLength.FromSentences(k)).Sentences),
        ];
        foreach (var (label, length) in new (string, Func<EvalArticle, int>)[] { ("k = 3 sentences", _ => 3), ("k = reference sentence count", a => a.ReferenceSentences) })
        {
            var results = systems.Select(s => Evaluate(s, articles, length)).ToList();
            RougeTable.Print(label, articles.Count, results);
        }
        return 0;
    }

    private static SystemResult Evaluate(Contender system, IReadOnlyList<EvalArticle> articles, Func<EvalArticle, int> length)
    {
        var scores = new RougeScores[articles.Count];
        // One untimed run so JIT compilation does not count against the first system measured.
        system.Summarize(articles[0], length(articles[0]));
        var clock = Stopwatch.StartNew();
        var elapsed = TimeSpan.Zero;
        for (var i = 0; i < articles.Count; i++)
        {
            clock.Restart();
            var summary = system.Summarize(articles[i], length(articles[i]));
            elapsed += clock.Elapsed;
            scores[i] = RougeScorer.Score(string.Join(' ', summary), articles[i].Reference);
        }
        return new SystemResult(system.Name, scores, elapsed.TotalMilliseconds / Math.Max(1, articles.Count));
    }

    private static string DataDirectory(string[] args)
    {
        var at = Array.IndexOf(args, "--data");
        if (at >= 0 && at + 1 < args.Length)
            return args[at + 1];
        return Path.Combine(TestRoot.RepositoryRoot, "..", "shared", "eval", "bbc-dev");
    }
}
