using ContentPipeline.Data;

namespace ContentPipeline.Newsletters;

/// <summary>
/// The length of the issue's ready episode, which the newsletter links to ("Listen: 4 min 52 s"); none when there is no
/// episode or it failed. The episode is recorded before the issue is rendered, so every copy links to the same one.
/// </summary>
public static class IssueEpisode
{
    public static IQueryable<double?> ReadySeconds(AppDbContext db, long issueId) =>
        db.Episodes.Where(e => e.IssueId == issueId && e.State == EpisodeState.Ready && e.Audio != null).Select(e => (double?)e.DurationSeconds);
}
