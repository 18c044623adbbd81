using ContentPipeline.Data;
using ContentPipeline.Llm;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Admin;

/// <summary>One issue: HTML and text previews, the script draft, delivery counts, approval and a test send to the admin.</summary>
public sealed class IssueModel(AppDbContext db, IssueApproval approval, IssueTestSend testSend, ILogger<IssueModel> logger) : PageModel
{
    public Issue Issue { get; private set; } = null!;
    public ScriptDraft? Script { get; private set; }
    public Dictionary<DeliveryState, int> Deliveries { get; private set; } = [];
    public List<Article> Articles { get; private set; } = [];
    public ModelUsage Usage { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var issue = await db.Issues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (issue is null) return NotFound();
        Issue = issue;
        Script = await db.ScriptDrafts.AsNoTracking().SingleOrDefaultAsync(s => s.IssueId == id, cancellationToken);
        Deliveries = await db.Deliveries.Where(d => d.IssueId == id).GroupBy(d => d.State)
            .ToDictionaryAsync(g => g.Key, g => g.Count(), cancellationToken);
        Articles = await db.Articles.AsNoTracking().Where(a => a.IssueId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        Usage = await ModelUsage.ForIssueAsync(db, id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken cancellationToken)
    {
        TempData["Note"] = await approval.ApproveAsync(id, User.Identity!.Name!, cancellationToken)
            ? "Approved: the issue is on its way to subscribers."
            : "Nothing to approve: the issue is not waiting for approval (perhaps someone approved it already).";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostTestSendAsync(long id, CancellationToken cancellationToken)
    {
        var email = User.Identity!.Name!;
        string? error;
        try
        {
            error = await testSend.SendAsync(id, email, cancellationToken);
        }
        catch (Exception e) when (Delivery.SendFailure.Classify(e) is not null)
        {
            logger.LogWarning(e, "Test send of issue {IssueId} failed", id);
            error = $"the mail server refused or could not be reached: {e.Message}";
        }
        TempData["Note"] = error is null ? $"A test copy is on its way to {email}." : $"No test sent: {error}.";
        return RedirectToPage(new { id });
    }
}
