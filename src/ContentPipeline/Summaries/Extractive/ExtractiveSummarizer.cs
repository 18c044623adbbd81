namespace ContentPipeline.Summaries.Extractive;

/// <summary>Deterministic extractive summarizer: picks sentences of the article itself.</summary>
/// <remarks>
/// Sentences are scored by graph centrality (PageRank over shared-word overlap and over TF-IDF cosine),
/// the density of the article's recurring terms and similarity to the title, scaled by relative length
/// (a sentence slot that says more is worth more, the more so the smaller the share of the article the summary
/// takes); then chosen greedily with MMR so the summary does not
/// repeat itself, and returned in article order. No randomness: ties go to the earlier sentence.
/// </remarks>
public static class ExtractiveSummarizer
{
    /// <param name="cleanedText">Article text after <see cref="ArticleCleaner.Clean"/>.</param>
    /// <param name="title">The article's own title, if it has one; otherwise a headline is made from its words.</param>
    public static ExtractiveSummary Summarize(string cleanedText, string? title, SummaryLength length) =>
        Summarize(cleanedText, title, length, ExtractiveWeights.Default);

    public static ExtractiveSummary Summarize(string cleanedText, string? title, SummaryLength length, ExtractiveWeights options)
    {
        var article = new ArticleAnalysis(cleanedText, title);
        if (article.Sentences.Count == 0)
            return new ExtractiveSummary(title?.Trim() ?? "", [], [], []);
        var features = SentenceFeatures.Of(article, options);
        var coverage = SentenceRanker.Coverage(article, length);
        var scores = SentenceRanker.Score(features, options, coverage);
        var chosen = SentenceSelector.Select(article, scores, length, options.Redundancy, dangling: options.Dangling);
        return new ExtractiveSummary(
            string.IsNullOrWhiteSpace(title) ? HeadlineWriter.Write(article, features) : title.Trim(),
            chosen.Select(i => article.Sentences[i]).ToList(),
            KeyPointPicker.Pick(article, features, options),
            TopicExtractor.Extract(article));
    }
}
