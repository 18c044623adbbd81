using Hangfire;
using System.ComponentModel;
using ContentPipeline.Data;
using ContentPipeline.Issues;
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
    TimeProvider clock, ILogger<SummarizeArticleJob> logger) : IIssueStage
{
    public static IssueState State => IssueState.Summarizing;

    /// <summary>One job per article still waiting for its summary; with none left, the issue moves on at once.</summary>
    public static async Task StartAsync(IssueStageContext context, long issueId, CancellationToken cancellationToken)
    {
        var pending = await context.Db.Articles.Where(a => a.IssueId == issueId && a.Status == ArticleStatus.New)
            .Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var articleId in pending)
            context.Jobs.Enqueue<SummarizeArticleJob>(j => j.RunAsync(articleId, issueId, CancellationToken.None));
        if (pending.Count == 0) await SettleAsync(context.Db, context.Flow, issueId, cancellationToken);
    }

    /// <summary>After each article: the last one moves the issue on, or fails it when no summary at all could be made.</summary>
    private static async Task SettleAsync(AppDbContext db, IssueFlow flow, long issueId, CancellationToken cancellationToken)
    {
        if (await db.Articles.AnyAsync(a => a.IssueId == issueId && a.Status == ArticleStatus.New, cancellationToken)) return;
        if (await db.Articles.AnyAsync(a => a.IssueId == issueId && a.Status == ArticleStatus.Summarized, cancellationToken))
            await flow.CompleteAsync(issueId, State, cancellationToken);
        else await flow.FailAsync(issueId, State, "every article's summary failed", cancellationToken);
    }

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
        await SettleAsync(db, flow, issueId, cancellationToken);
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
