using ContentPipeline.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Issues;

/// <summary>
/// Moves issues through their states. The database is the source of truth: every move is a conditional
/// update (only from the expected state), so when two workers race exactly one wins and enqueues the next
/// job, and an issue can always be resumed from its row alone after a restart.
/// </summary>
public sealed class IssueFlow(AppDbContext db, IBackgroundJobClient jobs, IssuePipeline pipeline, IServiceProvider services, TimeProvider clock,
    ILogger<IssueFlow> logger)
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

    /// <summary>Sets going the work the issue's current state waits for (its stage's start). Harmless if it is already queued.</summary>
    public async Task ResumeAsync(long issueId, CancellationToken cancellationToken)
    {
        var state = await db.Issues.Where(i => i.Id == issueId).Select(i => (IssueState?)i.State).SingleOrDefaultAsync(cancellationToken);
        if (state is { } current && pipeline.Step(current)?.Start is { } start)
            await start(new IssueStageContext(db, jobs, this), issueId, cancellationToken);
    }

    /// <summary>
    /// Called by a stage that finished its work (and by approval): moves the issue from that stage's state to the next
    /// step that applies, or to Sent after the last, and starts it. False when another worker already did.
    /// </summary>
    public async Task<bool> CompleteAsync(long issueId, IssueState stage, CancellationToken cancellationToken) =>
        await MoveAsync(issueId, stage, pipeline.Next(stage, services), cancellationToken);

    /// <summary>Moves the issue from one state to another and starts the new state's stage; false when another worker already did.</summary>
    private async Task<bool> MoveAsync(long issueId, IssueState from, IssueState to, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? sentAt = to == IssueState.Sent ? now : null;
        var moved = await db.Issues.Where(i => i.Id == issueId && i.State == from)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, to).SetProperty(i => i.UpdatedAt, now)
                .SetProperty(i => i.SentAt, i => sentAt ?? i.SentAt), cancellationToken) == 1;
        if (!moved) return false;
        logger.LogInformation("Issue {IssueId}: {From} -> {To}", issueId, from, to);
        if (to == IssueState.Sent) logger.LogInformation("Issue {IssueId} is sent", issueId);
        await ResumeAsync(issueId, cancellationToken);
        return true;
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
            var issue = new Issue { State = pipeline.First, CreatedAt = now, UpdatedAt = now };
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
