using ContentPipeline.Scripts;

namespace ContentPipeline.Episodes;

/// <summary>Where each segment of the script is heard, in seconds of the joined audio.</summary>
public sealed record TimedSegment(ScriptSegment Segment, double Start, double End);

/// <summary>A story as the episode names it: its chapter's title and link.</summary>
public sealed record EpisodeStory(long ArticleId, string Headline, string? Url);

/// <summary>A chapter of the episode: the opening, then one per story, each running to the next.</summary>
public sealed record EpisodeChapter(string Title, string? Url, double Start, double End);

public static class EpisodeTimeline
{
    /// <summary>
    /// The opening chapter (cold open and intro) from 0, then a chapter per story from its first segment of its own
    /// (the "Next: ..." transition that names it, or its first turn). The cold open quotes a story but does not start it;
    /// the recap names every story and belongs to the last.
    /// </summary>
    public static List<EpisodeChapter> Chapters(string title, IReadOnlyList<TimedSegment> segments, IReadOnlyList<EpisodeStory> stories, double duration)
    {
        var starts = new List<(string Title, string? Url, double Start)> { (title, null, 0) };
        foreach (var story in stories)
        {
            var first = segments.FirstOrDefault(s => s.Segment.Kind is SegmentKind.Story or SegmentKind.Transition
                && s.Segment.ArticleIds.Count == 1 && s.Segment.ArticleIds[0] == story.ArticleId);
            if (first is not null) starts.Add((story.Headline, story.Url, first.Start));
        }
        starts = [.. starts.OrderBy(s => s.Start)];
        return starts.Select((s, i) => new EpisodeChapter(s.Title, s.Url, s.Start, i + 1 < starts.Count ? starts[i + 1].Start : duration)).ToList();
    }
}
