using ContentPipeline.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Issues;

/// <summary>Where an issue stands: its state and counts of its articles and deliveries.</summary>
public sealed record IssueProgress(long IssueId, IssueState State, string? Error, int Articles, int ArticlesPending, int ArticlesFailed,
    int Deliveries, int Sent, int Deferred, int Failed, int InFlight, int Cancelled = 0, string? Waiting = null, string? FailedBecause = null)
{
    public bool IsFinal => Issue.IsFinal(State);

    private string CancelledPart => Cancelled > 0 ? $", cancelled {Cancelled}" : "";

    public static async Task<IssueProgress?> LoadAsync(AppDbContext db, long issueId, CancellationToken cancellationToken)
    {
        var issue = await db.Issues.AsNoTracking().Where(i => i.Id == issueId).Select(i => new { i.State, i.Error })
            .SingleOrDefaultAsync(cancellationToken);
        if (issue is null) return null;
        var articles = await db.Articles.Where(a => a.IssueId == issueId).GroupBy(a => a.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var deliveries = await db.Deliveries.Where(d => d.IssueId == issueId).GroupBy(d => d.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        int Count(DeliveryState s) => deliveries.GetValueOrDefault(s);
        // Why a sending issue is not done yet: the commonest reason among its deferred deliveries.
        var waiting = issue.State == IssueState.Sending && Count(DeliveryState.Deferred) > 0
            ? await db.Deliveries.Where(d => d.IssueId == issueId && d.State == DeliveryState.Deferred && d.LastError != null)
                .GroupBy(d => d.LastError).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} deferred: {g.Key}").FirstOrDefaultAsync(cancellationToken)
            : null;
        // And why deliveries failed for good: the commonest reason, so one poison copy shows where people look.
        var failedBecause = Count(DeliveryState.Failed) > 0
            ? await db.Deliveries.Where(d => d.IssueId == issueId && d.State == DeliveryState.Failed && d.LastError != null)
                .GroupBy(d => d.LastError).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} failed: {g.Key}").FirstOrDefaultAsync(cancellationToken)
            : null;
        return new IssueProgress(issueId, issue.State, issue.Error,
            articles.Sum(a => a.Count), articles.Where(a => a.Key == ArticleStatus.New).Sum(a => a.Count),
            articles.Where(a => a.Key == ArticleStatus.Failed).Sum(a => a.Count),
            deliveries.Values.Sum(), Count(DeliveryState.Sent), Count(DeliveryState.Deferred), Count(DeliveryState.Failed),
            Count(DeliveryState.Pending) + Count(DeliveryState.Sending), Count(DeliveryState.Cancelled), waiting, failedBecause);
    }

    public string Describe() => State switch
    {
        IssueState.Summarizing => $"summarizing: {Articles - ArticlesPending} of {Articles} article(s) done",
        IssueState.Scripting => "writing the podcast script",
        IssueState.Recording => "recording the podcast episode",
        IssueState.Rendering => "rendering the newsletter",
        IssueState.AwaitingApproval => $"awaiting approval: an admin approves it at /admin/issues/{IssueId}",
        IssueState.FanningOut => "preparing deliveries",
        IssueState.Sending => $"sending: {Sent + Failed + Cancelled} of {Deliveries} done (sent {Sent}, deferred {Deferred}, failed {Failed}{CancelledPart})",
        IssueState.Sent => $"sent: {Sent} delivered, {Deferred} deferred, {Failed} failed{CancelledPart}, of {Deliveries}",
        _ => $"failed: {Error}",
    };
}
