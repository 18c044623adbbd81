using ContentPipeline.Data;
using ContentPipeline.Hosting;
using ContentPipeline.Newsletters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ContentPipeline.Podcast;

/// <summary>
/// The podcast on the web: the feed, each episode's MP3 (byte ranges, ETag and Last-Modified, which podcast apps and
/// the browser's audio element rely on), its chapters and transcript, and the cover. Only episodes that are ready, of
/// issues that were sent, are public, like the archive.
/// </summary>
public static class PodcastEndpoints
{
    public const string FeedPath = "/podcast.xml";
    public const string CoverPath = "/podcast-cover";

    public static IEndpointRouteBuilder MapPodcast(this IEndpointRouteBuilder app)
    {
        app.MapGet(FeedPath, async (AppDbContext db, IOptions<PodcastOptions> podcast, IOptions<NewsletterOptions> newsletter, CancellationToken ct) =>
        {
            var episodes = await Public(db).Join(db.Issues, e => e.IssueId, i => i.Id, (e, i) => new { e, i })
                .OrderByDescending(x => x.i.SentAt).Take(300)
                .Select(x => new FeedEpisode(x.i.Id, x.i.Subject ?? "", x.i.SentAt ?? x.i.UpdatedAt, x.e.DurationSeconds, x.e.Audio!.Length, x.e.ChaptersJson, x.e.CreatedAt))
                .ToListAsync(ct);
            var n = newsletter.Value;
            var links = new FeedLinks(n.Link(FeedPath), n.Link("/issues"), n.Link(CoverPath + Path.GetExtension(podcast.Value.Cover).ToLowerInvariant()),
                id => n.Link($"/issues/{id}/episode.mp3"), id => n.Link($"/issues/{id}/chapters.json"), id => n.Link($"/issues/{id}/transcript.vtt"));
            var title = string.IsNullOrWhiteSpace(podcast.Value.Title) ? n.Title : podcast.Value.Title;
            return Results.Text(PodcastFeed.Write(podcast.Value, title, links, episodes), "application/rss+xml; charset=utf-8");
        });

        // HEAD too: apps and directories ask for an enclosure's length and range support before they download it.
        app.MapMethods("/issues/{id:long}/episode.mp3", [HttpMethods.Get, HttpMethods.Head], async (long id, AppDbContext db, CancellationToken ct) =>
            await Public(db).Where(e => e.IssueId == id).Select(e => new { e.Audio, e.CreatedAt }).SingleOrDefaultAsync(ct) is { Audio: { } audio } e
                ? Results.File(audio, "audio/mpeg", enableRangeProcessing: true, lastModified: Stamp(e.CreatedAt), entityTag: Tag(id, e.CreatedAt))
                : Results.NotFound());

        app.MapGet("/issues/{id:long}/chapters.json", async (long id, AppDbContext db, CancellationToken ct) =>
            await Public(db).Where(e => e.IssueId == id).Select(e => e.ChaptersJson).SingleOrDefaultAsync(ct) is { } json
                ? Results.Text(json, "application/json+chapters; charset=utf-8")
                : Results.NotFound());

        app.MapGet("/issues/{id:long}/transcript.vtt", async (long id, AppDbContext db, CancellationToken ct) =>
            await Public(db).Where(e => e.IssueId == id).Select(e => e.Transcript).SingleOrDefaultAsync(ct) is { } vtt
                ? Results.Text(vtt, "text/vtt; charset=utf-8")
                : Results.NotFound());

        app.MapGet(CoverPath + ".{extension}", (string extension, IOptions<PodcastOptions> podcast, ContentRoot root) =>
        {
            var cover = root.Resolve(podcast.Value.Cover);
            return string.Equals("." + extension, Path.GetExtension(cover), StringComparison.OrdinalIgnoreCase)
                ? Results.File(cover, extension.Equals("png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg",
                    lastModified: File.GetLastWriteTimeUtc(cover), enableRangeProcessing: true)
                : Results.NotFound();
        });
        return app;
    }

    /// <summary>Ready episodes of sent issues: an unsent issue's audio stays private, like its archive page.</summary>
    private static IQueryable<Episode> Public(AppDbContext db) => db.Episodes.AsNoTracking()
        .Where(e => e.State == EpisodeState.Ready && e.Audio != null && db.Issues.Any(i => i.Id == e.IssueId && i.State == IssueState.Sent));

    private static DateTimeOffset Stamp(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>An episode is stored once and never edited, so its issue and recording time name its bytes.</summary>
    private static EntityTagHeaderValue Tag(long id, DateTime recordedAt) => new($"\"episode-{id}-{recordedAt.Ticks:x}\"");
}
