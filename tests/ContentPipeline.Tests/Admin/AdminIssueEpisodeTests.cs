using ContentPipeline.Data;
using ContentPipeline.Tests.TestSupport;

namespace ContentPipeline.Tests.Admin;

/// <summary>The admin issue page says what became of the issue's episode: its length, or why it failed.</summary>
[Collection(HostCollection.Name)]
public sealed class AdminIssueEpisodeTests : IAsyncLifetime
{
    private readonly TestRoot _root = new();
    private WebHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await WebHost.StartAsync(_root.Root, "Production", AdminSignIn.Settings());
        await using var db = TestDb.Open(_root.Root);
        var now = DateTime.UtcNow;
        db.Issues.AddRange(
            new Issue { State = IssueState.Sent, Subject = "Ferries return", Html = "<html><body></body></html>", CreatedAt = now, SentAt = now },
            new Issue { State = IssueState.Sent, Subject = "Quiet day", Html = "<html><body></body></html>", CreatedAt = now, SentAt = now },
            new Issue { State = IssueState.Sent, Subject = "Speech off", Html = "<html><body></body></html>", CreatedAt = now, SentAt = now });
        await db.SaveChangesAsync();
        db.Episodes.AddRange(
            new Episode { IssueId = 1, State = EpisodeState.Ready, Audio = new byte[1_572_864], DurationSeconds = 292.4, Segments = 14, Provider = "Offline", CreatedAt = now },
            new Episode { IssueId = 2, State = EpisodeState.Failed, Error = "speech for voice 'nosuchvoice': espeak-ng failed", Provider = "Offline", CreatedAt = now });
        await db.SaveChangesAsync();
        await AdminSignIn.SignInAsync(_host.Http);
    }

    [Fact]
    public async Task TheIssuePage_ShowsAReadyEpisodesLengthAndPlayer_AFailedOnesReason_AndNone()
    {
        var ready = await _host.Http.GetStringAsync("/admin/issues/1");
        var failed = await _host.Http.GetStringAsync("/admin/issues/2");
        var none = await _host.Http.GetStringAsync("/admin/issues/3");

        Assert.Contains("Ready · 4 min 52 s · 14 segments · Offline · 1.5 MB", ready);
        Assert.Contains("<audio controls preload=\"none\" src=\"/issues/1/episode.mp3\">", ready);
        Assert.Contains("Failed: speech for voice &#x27;nosuchvoice&#x27;: espeak-ng failed", failed);
        Assert.Contains("None recorded", none);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _root.Dispose();
    }
}
