using System.ComponentModel;
using ContentPipeline.Data;
using ContentPipeline.Issues;
using ContentPipeline.Jobs;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Newsletters;

/// <summary>Renders the issue's web version (HTML and text) and its subject, then moves it on.</summary>
[Hangfire.AutomaticRetry(Attempts = PipelineRetry.Attempts, DelaysInSeconds = [5, 30, 120])]
public sealed class RenderIssueJob(AppDbContext db, IssueViews views, NewsletterRenderer renderer, IssueFlow flow) : IIssueStage
{
    public static IssueState State => IssueState.Rendering;

    public static Task StartAsync(IssueStageContext context, long issueId, CancellationToken cancellationToken) =>
        context.Enqueue<RenderIssueJob>(j => j.RunAsync(issueId, CancellationToken.None));

    [DisplayName("Render issue #{0}")]
    public async Task RunAsync(long issueId, CancellationToken cancellationToken)
    {
        var issue = await db.Issues.SingleOrDefaultAsync(i => i.Id == issueId, cancellationToken);
        if (issue is not { State: IssueState.Rendering }) return;

        var model = await views.LoadAsync(issueId, issue.CreatedAt, cancellationToken);
        issue.Subject = model.Subject;
        issue.Html = renderer.Html(model);
        issue.Text = renderer.Text(model);
        await db.SaveChangesAsync(cancellationToken);
        await flow.CompleteAsync(issueId, State, cancellationToken);
    }
}
