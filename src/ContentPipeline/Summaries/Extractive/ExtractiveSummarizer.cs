namespace ContentPipeline.Summaries.Extractive;

/// <summary>Deterministic extractive summarizer: picks sentences of the article itself.</summary>
public static class ExtractiveSummarizer
{
    /// <param name="cleanedText">Article text after <see cref="ArticleCleaner.Clean"/>.</param>
    /// <param name="title">The article's own title, if it has one; otherwise a headline is made from its words.</param>
    public static ExtractiveSummary Summarize(string cleanedText, string? title, SummaryLength length)
    {
        var sentences = SentenceSplitter.Split(cleanedText);
        var count = Math.Min(sentences.Count, length.Sentences ?? 3);
        var chosen = sentences.Take(count).ToList();
        var headline = string.IsNullOrWhiteSpace(title) ? MakeHeadline(chosen.FirstOrDefault() ?? "") : title.Trim();
        return new ExtractiveSummary(headline, chosen, chosen.Take(3).ToList(), []);
    }

    private static string MakeHeadline(string sentence) =>
        sentence.Length <= 90 ? sentence.TrimEnd('.') : sentence[..sentence.LastIndexOf(' ', 87)] + "…";
}
