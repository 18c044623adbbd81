using ContentPipeline.Issues;
using ContentPipeline.Data;
using ContentPipeline.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Admin;

public sealed record IssueRow(long Id, IssueState State, string? Subject, string? Error, DateTime CreatedAt, int Articles, int Deliveries, int Sent);

/// <summary>Issues, newest first, with their article and delivery counts; a button triggers daily-digest.</summary>
public sealed class IssuesPage(AppDbContext db, IRecurringJobManager recurring) : PageModel
{
    public List<IssueRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await db.Issues.AsNoTracking().OrderByDescending(i => i.Id).Take(200)
            .Select(i => new IssueRow(i.Id, i.State, i.Subject, i.Error, i.CreatedAt,
                db.Articles.Count(a => a.IssueId == i.Id),
                db.Deliveries.Count(d => d.IssueId == i.Id),
                db.Deliveries.Count(d => d.IssueId == i.Id && d.State == DeliveryState.Sent)))
            .ToListAsync(cancellationToken);

    public IActionResult OnPost()
    {
        recurring.Trigger(DailyDigestJob.RecurringId);
        TempData["Note"] = "The daily digest is queued. Its result shows under Jobs › Succeeded, and a new issue appears here.";
        return RedirectToPage();
    }
}
