namespace ContentPipeline.Summaries.Extractive;

/// <summary>Makes a headline from the article's own words when it has no title.</summary>
internal static class HeadlineWriter
{
    public const int MaxLength = 90;

    /// <summary>The lead sentence, cut at a clause boundary: news puts who-did-what first.</summary>
    public static string Write(ArticleAnalysis article, SentenceFeatures features)
    {
        var lead = Enumerable.Range(0, article.Sentences.Count)
            .Where(i => features.Suitability[i] >= 1 && !StartsWithQuote(article.Sentences[i]))
            .DefaultIfEmpty(0)
            .First();
        return ClauseTrimmer.Shorten(article.Sentences[lead], MaxLength).TrimEnd('.', '!', '?', '…', ' ');
    }

    internal static bool StartsWithQuote(string sentence) => sentence.Length > 0 && sentence[0] is '"' or '“' or '‘' or '\'';
}
