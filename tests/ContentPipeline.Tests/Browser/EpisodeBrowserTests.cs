using System.Globalization;
using ContentPipeline.Data;
using ContentPipeline.Tests.Episodes;
using ContentPipeline.Tests.TestSupport;

namespace ContentPipeline.Tests.Browser;

/// <summary>A listener in a real browser: the archive page's player loads the episode, knows its length, and a chapter seeks it.</summary>
[Collection(HostCollection.Name)]
public sealed class EpisodeBrowserTests : IAsyncLifetime
{
    private readonly TestRoot _root = new();
    private WebHost _host = null!;
    private Chromium _chromium = null!;
    private double _duration;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium.ExecutablePath)) return;
        _host = await WebHost.StartAsync(_root.Root, "Production", new Dictionary<string, string?>());
        var mp3 = Path.Combine(_root.Path, "tone.mp3");
        EpisodeAudio.Tone(mp3, seconds: 20);
        _duration = EpisodeAudio.Duration(mp3);
        await using var db = TestDb.Open(_root.Root);
        var now = DateTime.UtcNow;
        db.Issues.Add(new Issue { State = IssueState.Sent, Subject = "Ferries return", Html = "<html><body><h1>Ferries return</h1></body></html>", CreatedAt = now, SentAt = now });
        await db.SaveChangesAsync();
        db.Episodes.Add(new Episode
        {
            IssueId = 1, State = EpisodeState.Ready, Audio = await File.ReadAllBytesAsync(mp3), DurationSeconds = _duration, Provider = "Offline", CreatedAt = now,
            ChaptersJson = """{"version":"1.2.0","chapters":[{"startTime":0,"title":"Opening"},{"startTime":12,"title":"Ferries return","url":"https://news.example/ferry"}]}""",
            Transcript = "WEBVTT\n\n1\n00:00:00.000 --> 00:00:12.000\n<v Alex>Good morning.\n\n2\n00:00:12.000 --> 00:00:20.000\n<v Alex>The ferry is back.\n",
        });
        await db.SaveChangesAsync();
        _chromium = await Chromium.LaunchAsync();
    }

    [BrowserFact]
    public async Task TheArchivePlayer_ReportsTheStoredDuration_AndAChapterSeeksIt()
    {
        var page = await _chromium.NewPageAsync(_host.Address);
        await page.GotoAsync("/issues/1");

        await page.WaitForFunctionAsync("() => document.getElementById('episode-audio').readyState >= 1");
        var duration = await page.EvaluateAsync<double>("() => document.getElementById('episode-audio').duration");
        Assert.InRange(duration, _duration - 1, _duration + 1);

        await page.Locator("#episode-chapters a[data-start='12']").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('episode-audio').currentTime >= 12");
        await Chromium.ScreenshotAsync(page, "archive-episode");
        var at = await page.EvaluateAsync<double>("() => document.getElementById('episode-audio').currentTime");
        Assert.True(at is >= 12 and < 20, at.ToString(CultureInfo.InvariantCulture));
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null) await _chromium.DisposeAsync();
        if (_host is not null) await _host.DisposeAsync();
        _root.Dispose();
    }
}
