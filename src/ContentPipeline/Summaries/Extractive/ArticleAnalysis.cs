namespace ContentPipeline.Summaries.Extractive;

/// <summary>An article split into sentences with their terms and similarity graph, computed once per summary.</summary>
internal sealed class ArticleAnalysis
{
    public ArticleAnalysis(string cleanedText, string? title)
    {
        Sentences = SentenceSplitter.Split(cleanedText);
        Terms = Sentences.Select(Extractive.Terms.Of).ToList();
        WordCounts = Sentences.Select(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length).ToList();
        TitleTerms = string.IsNullOrWhiteSpace(title) ? [] : Extractive.Terms.Of(title);
        TermCounts = Terms.SelectMany(t => t).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        Graph = new SentenceGraph(Terms);
    }

    public IReadOnlyList<string> Sentences { get; }

    public IReadOnlyList<IReadOnlyList<string>> Terms { get; }

    public IReadOnlyList<int> WordCounts { get; }

    public IReadOnlyList<string> TitleTerms { get; }

    public IReadOnlyDictionary<string, int> TermCounts { get; }

    public SentenceGraph Graph { get; }
}
