using System.Net;
using ContentPipeline.Data;
using ContentPipeline.Tests.TestSupport;

namespace ContentPipeline.Tests.Archive;

/// <summary>The public archive shows sent issues only, each with its podcast script, encoded.</summary>
[Collection(HostCollection.Name)]
public sealed class ArchivePagesTests : IAsyncLifetime
{
    private readonly TestRoot _root = new();
    private WebHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await WebHost.StartAsync(_root.Root, "Production", new Dictionary<string, string?>());
        await using var db = TestDb.Open(_root.Root);
        var now = DateTime.UtcNow;
        db.Issues.AddRange(
            new Issue { State = IssueState.Sent, Subject = "Ferries return", Html = "<html><body><h1>Ferries return</h1></body></html>", CreatedAt = now, SentAt = now },
            new Issue { State = IssueState.AwaitingApproval, Subject = "Draft: not yet", Html = "<html><body><h1>Draft</h1></body></html>", CreatedAt = now });
        await db.SaveChangesAsync();
        db.ScriptDrafts.Add(new ScriptDraft
        {
            IssueId = 1, Markdown = "Alex: the <ferry> is back", Ssml = "<speak/>", SegmentsJson = "[]", Provider = "test", Model = "test",
            PromptVersion = "1", CreatedAt = now,
        });
        db.Episodes.Add(new Episode
        {
            IssueId = 1, State = EpisodeState.Ready, Audio = [1, 2, 3], DurationSeconds = 292.4, Provider = "Offline", CreatedAt = now,
            ChaptersJson = """{"version":"1.2.0","chapters":[{"startTime":0,"title":"Opening"},{"startTime":65.5,"title":"Ferries <return>","url":"https://news.example/ferry"}]}""",
            Transcript = "WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\n<v Alex>Good morning &amp; welcome.\n\n2\n00:01:05.500 --> 00:01:09.000\n<v Sam>The &lt;ferry&gt; is back.\n",
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task TheIndex_ListsSentIssuesOnly()
    {
        var index = await _host.Http.GetStringAsync("/issues");

        Assert.Contains("Ferries return", index);
        Assert.Contains("/issues/1", index);
        Assert.DoesNotContain("Draft: not yet", index);
    }

    [Fact]
    public async Task ASentIssue_ShowsItsWebVersionAndScript_AndAnUnsentOneIsNotFound()
    {
        var sent = await _host.Http.GetStringAsync("/issues/1");

        Assert.Contains("<h1>Ferries return</h1>", sent);
        Assert.Contains("Alex: the &lt;ferry&gt; is back", sent);
        Assert.True(sent.IndexOf("podcast-script", StringComparison.Ordinal) < sent.IndexOf("</body>", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Http.GetAsync("/issues/2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Http.GetAsync("/issues/99")).StatusCode);
    }

    [Fact]
    public async Task ASentIssuesPage_PlaysItsEpisode_WithChaptersAndTranscript_Encoded()
    {
        var page = await _host.Http.GetStringAsync("/issues/1");

        Assert.Contains("Listen <span", page);
        Assert.Contains("4 min 52 s", page);
        Assert.Contains("<audio id=\"episode-audio\" controls preload=\"metadata\" src=\"/issues/1/episode.mp3\"", page);
        Assert.Contains("<track kind=\"captions\" src=\"/issues/1/transcript.vtt\"", page);
        Assert.Contains("data-start=\"65.5\">1:05</a>", page);
        Assert.Contains("<a href=\"https://news.example/ferry\">Ferries &lt;return&gt;</a>", page);
        Assert.Contains("<strong>Alex</strong>", page);
        Assert.Contains("Good morning &amp; welcome.", page);
        Assert.Contains("The &lt;ferry&gt; is back.", page);
        Assert.True(page.IndexOf("podcast-episode", StringComparison.Ordinal) < page.IndexOf("</body>", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _root.Dispose();
    }
}
