using ContentPipeline.Ingestion;
using ContentPipeline.Summaries.Extractive;

namespace ContentPipeline.Benchmarks.Rouge;

/// <summary>An article cleaned and split once, so every system sees the same sentences.</summary>
internal sealed record EvalArticle(string Title, string Cleaned, IReadOnlyList<string> Sentences, string Reference, int ReferenceSentences)
{
    public static EvalArticle Prepare(BbcArticle article)
    {
        var cleaned = ArticleCleaner.Clean(article.Body);
        return new EvalArticle(article.Title, cleaned, SentenceSplitter.Split(cleaned), article.Reference,
            Math.Max(1, SentenceSplitter.Split(article.Reference).Count));
    }
}
