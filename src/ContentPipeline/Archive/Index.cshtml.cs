using ContentPipeline.Data;
using ContentPipeline.Newsletters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Archive;

public sealed record ArchivedIssue(long Id, string? Subject, DateTime? SentAt);

/// <summary>Sent issues, newest first. Unsent issues (drafts, awaiting approval, failed) are never public.</summary>
public sealed class ArchivePage(AppDbContext db, IOptions<NewsletterOptions> options) : PageModel
{
    public string Title => options.Value.Title;
    public List<ArchivedIssue> Issues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Issues = await db.Issues.AsNoTracking().Where(i => i.State == IssueState.Sent).OrderByDescending(i => i.Id).Take(500)
            .Select(i => new ArchivedIssue(i.Id, i.Subject, i.SentAt)).ToListAsync(cancellationToken);
}
