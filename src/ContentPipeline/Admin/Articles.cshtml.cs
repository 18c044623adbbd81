using ContentPipeline.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Admin;

public sealed record ArticleRow(long Id, ArticleStatus Status, string? Title, string? Url, string? Error, long? IssueId,
    string? Headline, string? Summary, long InputTokens, long OutputTokens, decimal Cost);

/// <summary>Articles with their state, latest summary, error, and the tokens and cost of their model calls.</summary>
public sealed class ArticlesPage(AppDbContext db) : PageModel
{
    public List<ArticleRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var articles = await db.Articles.AsNoTracking().OrderByDescending(a => a.Id).Take(200)
            .Select(a => new
            {
                a.Id, a.Status, a.Title, a.Url, a.Error, a.IssueId,
                Summary = db.Summaries.Where(s => s.ArticleId == a.Id).OrderByDescending(s => s.Id).Select(s => new { s.Headline, s.Text }).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        var ids = articles.Select(a => (long?)a.Id).ToList();
        // Cost is stored as a double in SQLite, so it is summed here rather than in SQL.
        var calls = (await db.ModelCalls.AsNoTracking().Where(c => ids.Contains(c.ArticleId))
                .Select(c => new { c.ArticleId, c.InputTokens, c.OutputTokens, c.Cost }).ToListAsync(cancellationToken))
            .GroupBy(c => c.ArticleId!.Value)
            .ToDictionary(g => g.Key, g => (In: g.Sum(c => c.InputTokens), Out: g.Sum(c => c.OutputTokens), Cost: g.Sum(c => c.Cost)));
        Rows = articles.Select(a =>
        {
            var usage = calls.GetValueOrDefault(a.Id);
            return new ArticleRow(a.Id, a.Status, a.Title, a.Url, a.Error, a.IssueId, a.Summary?.Headline, a.Summary?.Text, usage.In, usage.Out, usage.Cost);
        }).ToList();
    }
}
