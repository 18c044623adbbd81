using System.ComponentModel;
using ContentPipeline.Data;
using ContentPipeline.Jobs;
using ContentPipeline.Llm;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Summaries;

/// <summary>
/// Summarizes one article of an issue. Safe to run twice: a stored summary for the same prompt version
/// is reused. A model failure marks the article failed with the reason (it stays out of the newsletter)
/// and the digest goes on with the rest.
/// </summary>
[Hangfire.AutomaticRetry(Attempts = PipelineRetry.Attempts, DelaysInSeconds = [5, 30, 120])]
public sealed class SummarizeArticleJob(AppDbContext db, ArticleSummarizer summarizer, IssueFlow flow,
    TimeProvider clock, ILogger<SummarizeArticleJob> logger)
{
    [ArticleJobName("Summarize")]
    public async Task RunAsync(long articleId, long issueId, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is { Status: ArticleStatus.New })
        {
            var version = summarizer.PromptVersion;
            var stored = await db.Summaries.AnyAsync(s => s.ArticleId == articleId && s.PromptVersion == version, cancellationToken);
            if (!stored) await SummarizeAsync(article, version, cancellationToken);
            else article.Status = ArticleStatus.Summarized;
            await db.SaveChangesAsync(cancellationToken);
        }
        await flow.ArticleSettledAsync(issueId, cancellationToken);
    }

    private async Task SummarizeAsync(Article article, string version, CancellationToken cancellationToken)
    {
        try
        {
            using var scope = ModelCallScope.Begin("summary", articleId: article.Id);
            var answer = await summarizer.SummarizeAsync(article, cancellationToken);
            db.Summaries.Add(new Summary
            {
                ArticleId = article.Id,
                Headline = answer.Value.Headline.Trim(),
                Text = answer.Value.Summary.Trim(),
                KeyPoints = answer.Value.KeyPoints,
                Topics = answer.Value.Topics,
                Provider = summarizer.Provider,
                Model = answer.Model,
                PromptVersion = version,
                InputTokens = answer.InputTokens,
                OutputTokens = answer.OutputTokens,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            article.Status = ArticleStatus.Summarized;
            article.Error = null;
            logger.LogInformation("Summarized article {ArticleId} with {Model}: {InputTokens} tokens in, {OutputTokens} out",
                article.Id, answer.Model, answer.InputTokens, answer.OutputTokens);
        }
        catch (Exception e) when (ModelFailure.Is(e, cancellationToken))
        {
            // Recorded, not rethrown: the other articles go on.
            article.Status = ArticleStatus.Failed;
            article.Error = $"summary failed: {e.Message}";
            logger.LogWarning(e, "Summary of article {ArticleId} failed", article.Id);
        }
    }
}
