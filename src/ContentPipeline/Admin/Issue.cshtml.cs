using Hangfire;
using ContentPipeline.Data;
using ContentPipeline.Issues;
using ContentPipeline.Llm;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Admin;

/// <summary>The issue's episode as the admin page shows it: never its audio bytes, only what they are.</summary>
public sealed record AdminEpisode(EpisodeState State, string? Error, double DurationSeconds, int Segments, string Provider, long Bytes, DateTime CreatedAt);

/// <summary>One issue: HTML and text previews, the script draft, delivery counts, approval and a test send to the admin.</summary>
public sealed class AdminIssuePage(AppDbContext db, IssueApproval approval, IssueTestSend testSend, Delivery.DeliveryLedger ledger, IssueFlow flow,
    IBackgroundJobClient jobs, Microsoft.Extensions.Options.IOptions<Episodes.SpeechOptions> speech, ILogger<AdminIssuePage> logger) : PageModel
{
    public Issue Issue { get; private set; } = null!;
    public ScriptDraft? Script { get; private set; }
    public AdminEpisode? Episode { get; private set; }
    public Dictionary<DeliveryState, int> Deliveries { get; private set; } = [];
    public List<Article> Articles { get; private set; } = [];
    public ModelUsage Usage { get; private set; } = null!;
    public Episodes.Speech.SpeechUsage SpeechUsage { get; private set; } = null!;
    /// <summary>Why deliveries are not sent: the commonest reasons of deferred, failed and cancelled ones.</summary>
    public List<(DeliveryState State, string Reason, int Count)> Reasons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var issue = await db.Issues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (issue is null) return NotFound();
        Issue = issue;
        Script = await db.ScriptDrafts.AsNoTracking().SingleOrDefaultAsync(s => s.IssueId == id, cancellationToken);
        Episode = await db.Episodes.AsNoTracking().Where(e => e.IssueId == id)
            .Select(e => new AdminEpisode(e.State, e.Error, e.DurationSeconds, e.Segments, e.Provider, e.Audio == null ? 0 : e.Audio.Length, e.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        Deliveries = await db.Deliveries.Where(d => d.IssueId == id).GroupBy(d => d.State)
            .ToDictionaryAsync(g => g.Key, g => g.Count(), cancellationToken);
        Articles = await db.Articles.AsNoTracking().Where(a => a.IssueId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        Usage = await ModelUsage.ForIssueAsync(db, id, cancellationToken);
        SpeechUsage = await Episodes.Speech.SpeechUsage.ForIssueAsync(db, id, speech.Value, cancellationToken);
        Reasons = (await db.Deliveries.Where(d => d.IssueId == id && d.LastError != null
                && (d.State == DeliveryState.Deferred || d.State == DeliveryState.Failed || d.State == DeliveryState.Cancelled))
            .GroupBy(d => new { d.State, d.LastError }).Select(g => new { g.Key.State, g.Key.LastError, Count = g.Count() })
            .OrderByDescending(g => g.Count).Take(10).ToListAsync(cancellationToken))
            .Select(g => (g.State, g.LastError!, g.Count)).ToList();
        return Page();
    }

    /// <summary>Queues a new recording; it replaces the episode only if it succeeds (the job's result says which).</summary>
    public IActionResult OnPostRecordAgain(long id)
    {
        jobs.Enqueue<Episodes.RenderEpisodeJob>(j => j.RecordAgainAsync(id, CancellationToken.None));
        TempData["Note"] = "The episode is being recorded again; it replaces this one only if it succeeds (see the job's result in /hangfire).";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelRestAsync(long id, CancellationToken cancellationToken)
    {
        var cancelled = await ledger.CancelRestAsync(id, User.Identity!.Name!, cancellationToken);
        logger.LogInformation("Issue {IssueId}: {Count} open deliveries cancelled by an admin", id, cancelled);
        await Delivery.SendBatchJob.SettleAsync(db, flow, id, cancellationToken);
        TempData["Note"] = cancelled == 0 ? "Nothing to cancel: no delivery of this issue is waiting."
            : $"Cancelled {cancelled} delivery(ies) that were still waiting; deliveries in progress finish as they would have.";
        return RedirectToPage(new { id });
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
