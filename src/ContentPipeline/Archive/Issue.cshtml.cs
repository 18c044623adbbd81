using ContentPipeline.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Archive;

/// <summary>
/// One sent issue as its web version (rendered by templates/newsletter.html.liquid, where everything a model wrote
/// is already HTML-encoded) with the podcast script (encoded here) added before the end of the body.
/// </summary>
public sealed class ArchivedIssuePage(AppDbContext db) : PageModel
{
    public string Before { get; private set; } = "";
    public string After { get; private set; } = "";
    public string? Script { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var issue = await db.Issues.AsNoTracking().Where(i => i.Id == id && i.State == IssueState.Sent)
            .Select(i => new { i.Html }).SingleOrDefaultAsync(cancellationToken);
        if (issue?.Html is null) return NotFound();
        Script = await db.ScriptDrafts.AsNoTracking().Where(s => s.IssueId == id).Select(s => s.Markdown).SingleOrDefaultAsync(cancellationToken);
        var end = issue.Html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        (Before, After) = end < 0 ? (issue.Html, "") : (issue.Html[..end], issue.Html[end..]);
        return Page();
    }
}
