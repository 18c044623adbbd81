using ContentPipeline.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Llm;

/// <summary>What an issue's model calls cost: its articles' summaries and its script.</summary>
public sealed record ModelUsage(int Calls, long InputTokens, long OutputTokens, decimal Cost)
{
    public static async Task<ModelUsage> ForIssueAsync(AppDbContext db, long issueId, CancellationToken cancellationToken)
    {
        var articleIds = db.Articles.Where(a => a.IssueId == issueId).Select(a => (long?)a.Id);
        var calls = await db.ModelCalls.AsNoTracking()
            .Where(c => c.IssueId == issueId || articleIds.Contains(c.ArticleId))
            .Select(c => new { c.InputTokens, c.OutputTokens, c.Cost }).ToListAsync(cancellationToken);
        return new ModelUsage(calls.Count, calls.Sum(c => c.InputTokens), calls.Sum(c => c.OutputTokens), calls.Sum(c => c.Cost));
    }

    public override string ToString() =>
        $"{Calls} model call(s), {InputTokens:N0} tokens in, {OutputTokens:N0} out, estimated cost {Cost:0.####}";
}
