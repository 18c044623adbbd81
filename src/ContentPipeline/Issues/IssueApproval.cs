using ContentPipeline.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Issues;

/// <summary>
/// Digest:RequireApproval: a rendered issue waits in AwaitingApproval; approving records who and when, then moves
/// it on with the same conditional update as every other step, so a double click sends once.
/// </summary>
public sealed class IssueApproval(AppDbContext db, IssueFlow flow, TimeProvider clock, ILogger<IssueApproval> logger)
{
    public async Task<bool> ApproveAsync(long issueId, string approvedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await db.Issues.Where(i => i.Id == issueId && i.State == IssueState.AwaitingApproval && i.ApprovedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ApprovedAt, now).SetProperty(i => i.ApprovedBy, approvedBy), cancellationToken);
        if (marked == 0) return false;
        logger.LogInformation("Issue {IssueId} approved for sending", issueId);
        return await flow.CompleteAsync(issueId, IssueState.AwaitingApproval, cancellationToken);
    }
}
