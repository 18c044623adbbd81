using ContentPipeline.Data;
using ContentPipeline.Delivery;
using ContentPipeline.Newsletters;
using ContentPipeline.Scripts;
using ContentPipeline.Summaries;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Jobs;

/// <summary>
/// Moves issues through their states. The database is the source of truth: every move is a conditional
/// update (only from the expected state), so when two workers race exactly one wins and enqueues the next
/// job, and an issue can always be resumed from its row alone after a restart.
/// </summary>
public sealed class IssueFlow(AppDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<IssueFlow> logger)
{
    /// <summary>The advisory lock composing an issue takes on PostgreSQL ("CPcompos" in ASCII).</summary>
    private const long ComposeLock = 0x4350636f6d706f73;

    /// <summary>
    /// Resumes every unfinished issue, then composes a new one from articles not yet in any issue: an issue that cannot
    /// finish (a reader's copy deferred for hours, say) never holds back the next one.
    /// </summary>
    public async Task<DigestStart> StartOrResumeAsync(CancellationToken cancellationToken)
    {
        var unfinished = await db.Issues.AsNoTracking()
            .Where(i => i.State != IssueState.Sent && i.State != IssueState.Failed)
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.State }).ToListAsync(cancellationToken);
        foreach (var issue in unfinished)
        {
            logger.LogInformation("Resuming issue {IssueId} at {State}", issue.Id, issue.State);
            await ResumeAsync(issue.Id, cancellationToken);
        }
        return new DigestStart([.. unfinished.Select(i => i.Id)], await ComposeAsync(cancellationToken));
    }

    /// <summary>Enqueues the job(s) that the issue's current state waits for. Harmless if they are already queued.</summary>
    public async Task ResumeAsync(long issueId, CancellationToken cancellationToken)
    {
        var state = await db.Issues.Where(i => i.Id == issueId).Select(i => (IssueState?)i.State).SingleOrDefaultAsync(cancellationToken);
        switch (state)
        {
            case IssueState.Summarizing:
                var pending = await db.Articles.Where(a => a.IssueId == issueId && a.Status == ArticleStatus.New)
                    .Select(a => a.Id).ToListAsync(cancellationToken);
                foreach (var articleId in pending)
                    jobs.Enqueue<SummarizeArticleJob>(j => j.RunAsync(articleId, issueId, CancellationToken.None));
                if (pending.Count == 0) await ArticleSettledAsync(issueId, cancellationToken);
                break;
            case IssueState.Scripting: jobs.Enqueue<WriteScriptJob>(j => j.RunAsync(issueId, CancellationToken.None)); break;
            case IssueState.Rendering: jobs.Enqueue<RenderIssueJob>(j => j.RunAsync(issueId, CancellationToken.None)); break;
            case IssueState.FanningOut: jobs.Enqueue<FanOutDeliveriesJob>(j => j.RunAsync(issueId, CancellationToken.None)); break;
            case IssueState.Sending:
                var batches = await db.Deliveries
                    .Where(d => d.IssueId == issueId && d.State != DeliveryState.Sent && d.State != DeliveryState.Failed && d.State != DeliveryState.Cancelled)
                    .Select(d => d.Batch).Distinct().OrderBy(b => b).ToListAsync(cancellationToken);
                var total = await db.Deliveries.Where(d => d.IssueId == issueId).MaxAsync(d => (int?)d.Batch, cancellationToken) ?? 0;
                foreach (var batch in batches)
                    jobs.Enqueue<SendBatchJob>(j => j.Run(issueId, batch, total, CancellationToken.None));
                if (batches.Count == 0) await DeliverySettledAsync(issueId, cancellationToken);
                break;
        }
    }

    /// <summary>Called after each article's summary job; the last one moves the issue on to its script.</summary>
    public async Task ArticleSettledAsync(long issueId, CancellationToken cancellationToken)
    {
        if (await db.Articles.AnyAsync(a => a.IssueId == issueId && a.Status == ArticleStatus.New, cancellationToken)) return;
        if (!await db.Articles.AnyAsync(a => a.IssueId == issueId && a.Status == ArticleStatus.Summarized, cancellationToken))
        {
            await FailAsync(issueId, IssueState.Summarizing, "every article's summary failed", cancellationToken);
            return;
        }
        await MoveAsync(issueId, IssueState.Summarizing, IssueState.Scripting, cancellationToken);
    }

    /// <summary>Called after each batch; the issue is sent only when no delivery is pending, in flight or deferred.</summary>
    public async Task DeliverySettledAsync(long issueId, CancellationToken cancellationToken)
    {
        var open = await db.Deliveries.AnyAsync(d => d.IssueId == issueId
            && (d.State == DeliveryState.Pending || d.State == DeliveryState.Sending || d.State == DeliveryState.Deferred), cancellationToken);
        if (open) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await db.Issues.Where(i => i.Id == issueId && i.State == IssueState.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, IssueState.Sent).SetProperty(i => i.SentAt, now)
                .SetProperty(i => i.UpdatedAt, now), cancellationToken);
        if (moved == 1) logger.LogInformation("Issue {IssueId} is sent", issueId);
    }

    /// <summary>Moves the issue from one state to the next and enqueues the next job; false when another worker already did.</summary>
    public async Task<bool> MoveAsync(long issueId, IssueState from, IssueState to, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await db.Issues.Where(i => i.Id == issueId && i.State == from)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, to).SetProperty(i => i.UpdatedAt, now), cancellationToken) == 1;
        if (moved)
        {
            logger.LogInformation("Issue {IssueId}: {From} -> {To}", issueId, from, to);
            await ResumeAsync(issueId, cancellationToken);
        }
        return moved;
    }

    public async Task FailAsync(long issueId, IssueState from, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Issues.Where(i => i.Id == issueId && i.State == from)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, IssueState.Failed).SetProperty(i => i.Error, reason)
                .SetProperty(i => i.UpdatedAt, now), cancellationToken);
        logger.LogWarning("Issue {IssueId} failed: {Reason}", issueId, reason);
    }

    private async Task<long?> ComposeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        long issueId;
        // One write transaction: SQLite serialises writers, so two digests cannot both claim the same articles. On
        // PostgreSQL an advisory lock held to the commit does the same across nodes; the later digest finds nothing new.
        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!db.Database.IsSqlite())
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ComposeLock})", cancellationToken);
            var issue = new Issue { State = IssueState.Summarizing, CreatedAt = now, UpdatedAt = now };
            db.Issues.Add(issue);
            await db.SaveChangesAsync(cancellationToken);
            var claimed = await db.Articles
                .Where(a => a.IssueId == null && (a.Status == ArticleStatus.New || a.Status == ArticleStatus.Summarized))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.IssueId, issue.Id), cancellationToken);
            if (claimed == 0)
            {
                await tx.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                logger.LogInformation("Nothing new to send: no article is waiting for an issue");
                return null;
            }
            await tx.CommitAsync(cancellationToken);
            issueId = issue.Id;
            logger.LogInformation("Composed issue {IssueId} from {Count} article(s)", issueId, claimed);
        }
        await ResumeAsync(issueId, cancellationToken);
        return issueId;
    }
}
