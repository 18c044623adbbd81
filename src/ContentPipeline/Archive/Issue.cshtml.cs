using ContentPipeline.Data;
using ContentPipeline.Episodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Archive;

/// <summary>What the archive page shows of a ready episode: the player's length, its chapters and its transcript.</summary>
public sealed record ArchivedEpisode(double DurationSeconds, IReadOnlyList<EpisodeChapter> Chapters, IReadOnlyList<(double Start, string Speaker, string Text)> Transcript);

/// <summary>
/// One sent issue as its web version (rendered by templates/newsletter.html.liquid, where everything a model wrote
/// is already HTML-encoded) with its episode's player, chapters and transcript and the podcast script (encoded here)
/// added before the end of the body.
/// </summary>
public sealed class ArchivedIssuePage(AppDbContext db) : PageModel
{
    public long Id { get; private set; }
    public string Before { get; private set; } = "";
    public string After { get; private set; } = "";
    public string? Script { get; private set; }
    public ArchivedEpisode? Episode { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var issue = await db.Issues.AsNoTracking().Where(i => i.Id == id && i.State == IssueState.Sent)
            .Select(i => new { i.Html }).SingleOrDefaultAsync(cancellationToken);
        if (issue?.Html is null) return NotFound();
        Id = id;
        Script = await db.ScriptDrafts.AsNoTracking().Where(s => s.IssueId == id).Select(s => s.Markdown).SingleOrDefaultAsync(cancellationToken);
        var episode = await db.Episodes.AsNoTracking().Where(e => e.IssueId == id && e.State == EpisodeState.Ready && e.Audio != null)
            .Select(e => new { e.DurationSeconds, e.ChaptersJson, e.Transcript }).SingleOrDefaultAsync(cancellationToken);
        if (episode is not null)
            Episode = new ArchivedEpisode(episode.DurationSeconds, EpisodeFiles.ReadChapters(episode.ChaptersJson), EpisodeFiles.ReadTranscript(episode.Transcript));
        var end = issue.Html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        (Before, After) = end < 0 ? (issue.Html, "") : (issue.Html[..end], issue.Html[end..]);
        return Page();
    }
}
