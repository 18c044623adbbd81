using System.ComponentModel;
using ContentPipeline.Data;
using ContentPipeline.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Newsletters;

/// <summary>Renders the issue's web version (HTML and text) and its subject, then moves it on to fan-out.</summary>
[Hangfire.AutomaticRetry(Attempts = PipelineRetry.Attempts, DelaysInSeconds = [5, 30, 120])]
public sealed class RenderIssueJob(AppDbContext db, IssueStories stories, NewsletterRenderer renderer, IssueFlow flow, IOptions<DigestOptions> digest)
{
    [DisplayName("Render issue #{0}")]
    public async Task RunAsync(long issueId, CancellationToken cancellationToken)
    {
        var issue = await db.Issues.SingleOrDefaultAsync(i => i.Id == issueId, cancellationToken);
        if (issue is not { State: IssueState.Rendering }) return;

        var model = renderer.Model(issueId, issue.CreatedAt, await stories.LoadAsync(issueId, cancellationToken));
        issue.Subject = model.Subject;
        issue.Html = renderer.Html(model);
        issue.Text = renderer.Text(model);
        await db.SaveChangesAsync(cancellationToken);
        // With Digest:RequireApproval the issue stops here until an admin approves it (Admin/IssueApproval.cs).
        var next = digest.Value.RequireApproval ? IssueState.AwaitingApproval : IssueState.FanningOut;
        await flow.MoveAsync(issueId, IssueState.Rendering, next, cancellationToken);
    }
}
