using ContentPipeline.Data;
using ContentPipeline.Issues;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Newsletters;

/// <summary>
/// An issue's newsletter view as every renderer needs it (the web version, the test send, the copies of a send): its
/// stories, and the length of its ready episode, which the newsletter links to ("Listen: 4 min 52 s"). The episode is
/// recorded before the issue is rendered, so every copy links to the same one.
/// </summary>
public sealed class IssueViews(AppDbContext db, IssueStories stories, NewsletterRenderer renderer)
{
    public async Task<NewsletterView> LoadAsync(long issueId, DateTime createdAt, CancellationToken cancellationToken)
    {
        var episodeSeconds = await db.Episodes.Where(e => e.IssueId == issueId && e.State == EpisodeState.Ready && e.Audio != null)
            .Select(e => (double?)e.DurationSeconds).SingleOrDefaultAsync(cancellationToken);
        return renderer.View(issueId, createdAt, await stories.LoadAsync(issueId, cancellationToken), episodeSeconds);
    }
}
