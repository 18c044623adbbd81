using System.Globalization;
using System.Reflection;
using ContentPipeline.Summaries.Extractive;

namespace ContentPipeline.Benchmarks.Rouge;

/// <summary>
/// <c>rouge --tune [--grid Option=v1,v2,...]...</c>: ROUGE-2 F1 of every combination of option values,
/// per half and length, as the gain over TextRank. Tune on half A; half B is there to check, not to pick.
/// </summary>
internal static class RougeTuning
{
    public static int Run(IReadOnlyList<EvalArticle> articles, string[] args)
    {
        var grid = Grid(args);
        (string Label, Func<EvalArticle, int> K)[] lengths = [("k=3", _ => 3), ("k=ref", a => a.ReferenceSentences)];
        var textRank = lengths.Select(l => articles.Select(a => Rouge2(TextRankBaseline.Summarize(a.Sentences, l.K(a)), a)).ToArray()).ToArray();
        Console.WriteLine($"{"options",-60}| {"k=3 A",7}{"B",7} | {"k=ref A",7}{"B",7} | {"k=3 lo",7}{"ref lo",7} (R2 gain over TextRank x100; lo = 5th pct bootstrap, all)");
        foreach (var options in Combinations(grid))
        {
            var label = string.Join(' ', options.Select(o => $"{o.Name}={o.Value.ToString(CultureInfo.InvariantCulture)}"));
            var settings = Build(options);
            var gains = lengths.Select((l, li) => articles
                .Select((a, i) => Rouge2(ExtractiveSummarizer.Summarize(a.Cleaned, a.Title, SummaryLength.FromSentences(l.K(a)), settings).Sentences, a) - textRank[li][i])
                .ToArray()).ToArray();
            Console.WriteLine($"{label,-60}| {Mean(gains[0], 0),7:F2}{Mean(gains[0], 1),7:F2} | {Mean(gains[1], 0),7:F2}{Mean(gains[1], 1),7:F2} | {Bootstrap.Low(gains[0]),7:F2}{Bootstrap.Low(gains[1]),7:F2}");
        }
        return 0;
    }

    private static double Rouge2(IReadOnlyList<string> summary, EvalArticle article) =>
        100 * RougeScorer.Score(string.Join(' ', summary), article.Reference).Rouge2.F1;

    private static double Mean(double[] gains, int half) => gains.Where((_, i) => i % 2 == half).Average();

    private static List<(string Name, double[] Values)> Grid(string[] args)
    {
        var grid = new List<(string, double[])>();
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] != "--grid")
                continue;
            var (name, values) = (args[i + 1].Split('=')[0], args[i + 1].Split('=')[1]);
            grid.Add((name, values.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()));
        }
        return grid;
    }

    private static IEnumerable<List<(string Name, double Value)>> Combinations(List<(string Name, double[] Values)> grid)
    {
        IEnumerable<List<(string, double)>> result = [[]];
        foreach (var (name, values) in grid)
            result = result.SelectMany(prefix => values.Select(v => prefix.Append((name, v)).ToList()));
        return result;
    }

    private static ExtractiveWeights Build(List<(string Name, double Value)> settings)
    {
        var options = new ExtractiveWeights();
        foreach (var (name, value) in settings)
        {
            var property = typeof(ExtractiveWeights).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new ArgumentException($"ExtractiveWeights has no option '{name}'.");
            property.SetValue(options, Convert.ChangeType(value, property.PropertyType, CultureInfo.InvariantCulture));
        }
        return options;
    }
}
