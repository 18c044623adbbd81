using ContentPipeline.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Issues;

/// <summary>One summarized article of an issue, as templates and the script writer see it.</summary>
public sealed record Story(long ArticleId, string Headline, string Summary, List<string> KeyPoints, List<string> Topics,
    string? Url, string Text);

/// <summary>Loads an issue's summarized articles, in the order they were ingested.</summary>
public sealed class IssueStories(AppDbContext db)
{
    public async Task<IReadOnlyList<Story>> LoadAsync(long issueId, CancellationToken cancellationToken)
    {
        var rows = await db.Articles.AsNoTracking()
            .Where(a => a.IssueId == issueId && a.Status == ArticleStatus.Summarized)
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                Article = a,
                Summary = db.Summaries.Where(s => s.ArticleId == a.Id).OrderByDescending(s => s.Id).First(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new Story(r.Article.Id, r.Summary.Headline, r.Summary.Text, r.Summary.KeyPoints, r.Summary.Topics,
            r.Article.Url, r.Article.Text)).ToList();
    }
}
