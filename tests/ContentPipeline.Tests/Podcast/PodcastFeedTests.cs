using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ContentPipeline.Data;
using ContentPipeline.Podcast;
using ContentPipeline.Tests.Episodes;
using ContentPipeline.Tests.TestSupport;

namespace ContentPipeline.Tests.Podcast;

/// <summary>The podcast on the web: the feed as a podcast app parses it, and episodes served as apps and browsers fetch them.</summary>
[Collection(HostCollection.Name)]
public sealed class PodcastFeedTests : IAsyncLifetime
{
    private const string PublicBase = "https://news.example";
    private readonly TestRoot _root = new();
    private WebHost _host = null!;
    private byte[] _mp3 = null!;
    private double _duration;
    private readonly DateTime _sentAt = new(2026, 11, 30, 7, 0, 5, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        _host = await WebHost.StartAsync(_root.Root, "Production", new Dictionary<string, string?>
        {
            ["Newsletter:PublicBaseUrl"] = PublicBase,
            ["Podcast:OwnerEmail"] = "owner@news.example",
            ["Podcast:Author"] = "Pipeline Newsroom",
        });
        var mp3 = Path.Combine(_root.Path, "tone.mp3");
        EpisodeAudio.Tone(mp3, seconds: 3);
        _mp3 = await File.ReadAllBytesAsync(mp3);
        _duration = EpisodeAudio.Duration(mp3);
        await using var db = TestDb.Open(_root.Root);
        db.Issues.AddRange(
            new Issue { State = IssueState.Sent, Subject = "Ferries return", Html = "<html><body><h1>Ferries return</h1></body></html>", CreatedAt = _sentAt, SentAt = _sentAt },
            new Issue { State = IssueState.AwaitingApproval, Subject = "Draft: not yet", Html = "<html><body></body></html>", CreatedAt = _sentAt },
            new Issue { State = IssueState.Sent, Subject = "No voice today", Html = "<html><body></body></html>", CreatedAt = _sentAt, SentAt = _sentAt.AddDays(1) });
        await db.SaveChangesAsync();
        db.Episodes.AddRange(Ready(1), Ready(2), new Episode { IssueId = 3, State = EpisodeState.Failed, Error = "espeak-ng failed", Provider = "Offline", CreatedAt = _sentAt });
        await db.SaveChangesAsync();
    }

    private Episode Ready(long issueId) => new()
    {
        IssueId = issueId, State = EpisodeState.Ready, Audio = _mp3, DurationSeconds = _duration, Provider = "Offline", Segments = 2,
        CreatedAt = _sentAt.AddMinutes(-3),
        ChaptersJson = """{"version":"1.2.0","chapters":[{"startTime":0,"title":"Opening"},{"startTime":1.2,"title":"Ferries & buses return","url":"https://news.example/story/1"}]}""",
        Transcript = "WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.200\n<v Alex>Good morning.\n",
    };

    [Fact]
    public async Task TheFeed_ParsedByPodcastparser_CarriesEveryTagAppleAndPsp1Want_ForSentReadyEpisodesOnly()
    {
        var response = await _host.Http.GetAsync("/podcast.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(_root.Path, "podcast.xml");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());

        using var result = PodcastParser.Parse(file, PublicBase + "/podcast.xml");

        var show = result.RootElement.GetProperty("parsed");
        Assert.Equal("The Daily Pipeline", show.GetProperty("title").GetString());
        Assert.Equal("The day's stories, read aloud.", show.GetProperty("description").GetString());
        Assert.Equal(PublicBase + "/issues", show.GetProperty("link").GetString());
        Assert.Equal("en-gb", show.GetProperty("language").GetString());
        Assert.Equal(PublicBase + "/podcast-cover.png", show.GetProperty("cover_url").GetString());
        Assert.Equal(["News", "Daily News"], show.GetProperty("itunes_categories")[0].EnumerateArray().Select(c => c.GetString()));
        Assert.False(show.GetProperty("explicit").GetBoolean());
        Assert.Equal("Pipeline Newsroom", show.GetProperty("itunes_author").GetString());
        Assert.Equal("owner@news.example", show.GetProperty("itunes_owner").GetProperty("email").GetString());
        Assert.Equal("Pipeline Newsroom", show.GetProperty("itunes_owner").GetProperty("name").GetString());
        var extra = result.RootElement.GetProperty("extra");
        Assert.Equal([PublicBase + "/podcast.xml"], extra.GetProperty("self").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(extra.GetProperty("expected_guid").GetString(), extra.GetProperty("guid").GetString());
        Assert.Equal(("yes", "owner@news.example"), (extra.GetProperty("locked").GetString(), extra.GetProperty("locked_owner").GetString()));

        // Issue 2 is not sent and issue 3's episode failed: only issue 1's is published.
        var episode = Assert.Single(show.GetProperty("episodes").EnumerateArray());
        Assert.Equal("Ferries return", episode.GetProperty("title").GetString());
        Assert.Contains("https://news.example/story/1", episode.GetProperty("description_html").GetString());
        Assert.Contains("Ferries &amp; buses return", episode.GetProperty("description_html").GetString());
        var enclosure = Assert.Single(episode.GetProperty("enclosures").EnumerateArray());
        Assert.Equal(PublicBase + "/issues/1/episode.mp3", enclosure.GetProperty("url").GetString());
        Assert.Equal(_mp3.Length, enclosure.GetProperty("file_size").GetInt64());
        Assert.Equal("audio/mpeg", enclosure.GetProperty("mime_type").GetString());
        Assert.Equal(new DateTimeOffset(_sentAt).ToUnixTimeSeconds(), episode.GetProperty("published").GetInt64());
        Assert.Equal((long)Math.Round(_duration), episode.GetProperty("total_time").GetInt64());
        var item = Assert.Single(extra.GetProperty("items").EnumerateArray());
        Assert.Equal("Mon, 30 Nov 2026 07:00:05 GMT", item.GetProperty("pubDate").GetString());
        Assert.Equal(PublicBase + "/issues/1/transcript.vtt", item.GetProperty("transcript").GetProperty("url").GetString());
        Assert.Equal("text/vtt", item.GetProperty("transcript").GetProperty("type").GetString());
        Assert.Equal(PublicBase + "/issues/1/chapters.json", item.GetProperty("chapters").GetProperty("url").GetString());
        Assert.Equal("application/json+chapters", item.GetProperty("chapters").GetProperty("type").GetString());

        // The guid never changes: not even when the host moves to another address.
        var guid = episode.GetProperty("guid").GetString();
        Assert.False(string.IsNullOrEmpty(guid));
        Assert.DoesNotContain("news.example", guid);
        Assert.Equal(guid, (await _host.Http.GetStringAsync("/podcast.xml")).Split("<guid isPermaLink=\"false\">")[1].Split('<')[0]);
    }

    [Fact]
    public async Task TheEpisode_IsServedInByteRanges_WithAnETagThatAnswers304_AndItsCompanionsAndCover()
    {
        using var whole = await _host.Http.GetAsync("/issues/1/episode.mp3");
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("audio/mpeg", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(_mp3, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes", string.Join(",", whole.Headers.AcceptRanges));
        Assert.NotNull(whole.Content.Headers.LastModified);
        var etag = whole.Headers.ETag!;

        using var head = await _host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/issues/1/episode.mp3"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(_mp3.Length, head.Content.Headers.ContentLength);
        Assert.Equal(etag, head.Headers.ETag);

        using var range = new HttpRequestMessage(HttpMethod.Get, "/issues/1/episode.mp3");
        range.Headers.Range = new RangeHeaderValue(100, 1099);
        using var partial = await _host.Http.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal($"bytes 100-1099/{_mp3.Length}", partial.Content.Headers.ContentRange?.ToString());
        Assert.Equal(_mp3[100..1100], await partial.Content.ReadAsByteArrayAsync());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/issues/1/episode.mp3");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await _host.Http.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var chapters = JsonDocument.Parse(await _host.Http.GetStringAsync("/issues/1/chapters.json"));
        Assert.Equal("1.2.0", chapters.RootElement.GetProperty("version").GetString());
        Assert.StartsWith("WEBVTT", await _host.Http.GetStringAsync("/issues/1/transcript.vtt"));
        using var cover = await _host.Http.GetAsync("/podcast-cover.png");
        Assert.Equal("image/png", cover.Content.Headers.ContentType?.MediaType);
        var png = await cover.Content.ReadAsByteArrayAsync();
        Assert.Equal((1400, 1400), (BigEndian(png, 16), BigEndian(png, 20)));
    }

    [Theory]
    [InlineData("/issues/2/episode.mp3")]
    [InlineData("/issues/2/chapters.json")]
    [InlineData("/issues/2/transcript.vtt")]
    [InlineData("/issues/3/episode.mp3")]
    [InlineData("/issues/99/episode.mp3")]
    public async Task AnUnsentIssuesEpisode_OrAFailedOne_IsNotFound(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Http.GetAsync(path)).StatusCode);
    }

    [Fact]
    public void ThePodcastGuid_IsTheSpecificationsExample()
    {
        // The Podcasting 2.0 namespace's own example for podcast:guid.
        Assert.Equal(new Guid("917393e3-1b1e-5cef-ace4-edaa54e1f810"), PodcastGuid.ForFeed("https://mp3s.nashownotes.com/pc20rss.xml/"));
    }

    private static int BigEndian(byte[] bytes, int at) => bytes[at] << 24 | bytes[at + 1] << 16 | bytes[at + 2] << 8 | bytes[at + 3];

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _root.Dispose();
    }
}
