namespace ContentPipeline.Benchmarks.Rouge;

/// <summary>Prints one length setting as a table: halves A and B side by side, then the whole set.</summary>
internal static class RougeTable
{
    private static readonly (string Label, Func<int, bool> Include)[] Parts =
    [
        ("A (even)", i => i % 2 == 0),
        ("B (odd)", i => i % 2 == 1),
        ("all", _ => true),
    ];

    public static void Print(string label, int articleCount, IReadOnlyList<SystemResult> results)
    {
        Console.WriteLine();
        Console.WriteLine($"== {label}");
        Console.Write($"{"system",-16}");
        foreach (var (part, _) in Parts)
            Console.Write($"| {part,-23}");
        Console.WriteLine($"| {"ms/article",10}");
        Console.Write($"{"",-16}");
        foreach (var _ in Parts)
            Console.Write($"| {"R1",7}{"R2",7}{"RL",7}  ");
        Console.WriteLine("|");

        var means = results.ToDictionary(r => r.Name, r => Parts.Select(p => r.MeanF1(p.Include)).ToList());
        foreach (var result in results)
            Row(result.Name, means[result.Name], v => $"{v,7:F2}", $"{result.MillisecondsPerArticle,10:F3}");
        if (means.TryGetValue("Ours", out var ours) && means.TryGetValue("TextRank", out var textRank))
        {
            var ratios = ours.Zip(textRank, (o, t) => o.Zip(t, (a, b) => b == 0 ? 0 : a / b).ToArray()).ToList();
            Row("Ours/TextRank", ratios, v => $"{v,7:F3}", "");
            GainInterval(results.Single(r => r.Name == "Ours"), results.Single(r => r.Name == "TextRank"));
        }
    }

    // A thin mean gain can be luck of the draw; the interval says how far it could move on articles like these.
    private static void GainInterval(SystemResult ours, SystemResult textRank)
    {
        Console.Write($"{"R2 gain 90% CI",-16}");
        foreach (var (_, include) in Parts)
        {
            var gains = Enumerable.Range(0, ours.Scores.Count).Where(include)
                .Select(i => 100 * (ours.Scores[i].Rouge2.F1 - textRank.Scores[i].Rouge2.F1)).ToList();
            Console.Write($"| {$"[{Bootstrap.Low(gains):F2}, {Bootstrap.High(gains):F2}]",-23}");
        }
        Console.WriteLine("| paired bootstrap over articles");
    }

    private static void Row(string name, IReadOnlyList<double[]> values, Func<double, string> format, string tail)
    {
        Console.Write($"{name,-16}");
        foreach (var part in values)
            Console.Write($"| {string.Concat(part.Select(format))}  ");
        Console.WriteLine($"| {tail}");
    }
}
