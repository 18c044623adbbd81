namespace ContentPipeline.Benchmarks.Rouge;

/// <summary>One article of the evaluation set with its reference summary.</summary>
internal sealed record BbcArticle(string Name, string Title, string Body, string Reference)
{
    /// <summary>Reads every <c>*.article.txt</c> that has a matching <c>*.summary.txt</c>, in name order.</summary>
    public static IReadOnlyList<BbcArticle> LoadAll(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Evaluation data directory '{directory}' does not exist (pass --data <dir>).");
        var articles = new List<BbcArticle>();
        foreach (var path in Directory.GetFiles(directory, "*.article.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path)[..^".article.txt".Length];
            var summaryPath = Path.Combine(directory, name + ".summary.txt");
            if (!File.Exists(summaryPath))
                continue;
            var lines = File.ReadAllText(path).Replace("\r\n", "\n").Split('\n');
            articles.Add(new BbcArticle(name, lines[0].Trim(), string.Join('\n', lines.Skip(1)), File.ReadAllText(summaryPath).Trim()));
        }
        return articles;
    }
}
