using ContentPipeline.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Episodes.Speech;

/// <summary>
/// What an issue's speech calls cost: the characters of its successful syntheses priced from Speech:Prices (per million
/// characters, by the model recorded on each call). Answers from the cache are not calls and cost nothing.
/// </summary>
public sealed record SpeechUsage(int Calls, long Characters, decimal Cost)
{
    public static async Task<SpeechUsage> ForIssueAsync(AppDbContext db, long issueId, SpeechOptions options, CancellationToken cancellationToken)
    {
        var calls = await db.SpeechCalls.AsNoTracking().Where(c => c.IssueId == issueId)
            .Select(c => new { c.Model, c.Characters, c.Outcome }).ToListAsync(cancellationToken);
        var paid = calls.Where(c => c.Outcome == SpeechCallOutcome.Succeeded).ToList();
        return new SpeechUsage(calls.Count, paid.Sum(c => (long)c.Characters), paid.Sum(c => options.Cost(c.Model, c.Characters)));
    }

    public override string ToString() => $"{Calls} speech call(s), {Characters:N0} characters, estimated cost {Cost:0.####}";
}
