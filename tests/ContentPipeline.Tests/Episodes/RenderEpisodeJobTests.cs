using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContentPipeline.Cli;
using ContentPipeline.Data;
using ContentPipeline.Episodes;
using ContentPipeline.Hosting;
using ContentPipeline.Ingestion;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContentPipeline.Tests.Episodes;

/// <summary>The podcast episode, made offline by the real espeak-ng and ffmpeg from a real digest run.</summary>
[Collection(HostCollection.Name)]
public sealed partial class RenderEpisodeJobTests : IDisposable
{
    private const double TargetMinutes = 2;
    private readonly TestRoot _root = new();

    /// <summary>Two hosts with two espeak-ng voices, a short target, summaries short enough for it.</summary>
    private static Dictionary<string, string?> Speaking(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Speech:Enabled"] = "true",
            ["Script:TargetMinutes"] = TargetMinutes.ToString(CultureInfo.InvariantCulture),
            ["Summaries:Sentences"] = "2",
            ["Script:Hosts:0"] = "Alex", ["Script:Hosts:1"] = "Sam",
            ["Script:Voices:Alex"] = "en-gb+m3", ["Script:Voices:Sam"] = "en-us+f2",
        };
        foreach (var (key, value) in more ?? []) settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task Digest_RecordsAnEpisodeOfTheTargetLength_WithChaptersAndTranscriptOnTheAudiosTimeline_AndARerunSynthesizesNothing()
    {
        var cli = new CliRunner(_root.Root, Speaking());
        await IngestSamplesWithLinksAsync(cli);
        var folder = Path.Combine(_root.Path, "out");

        var result = await cli.RunAsync("digest", "--out", folder);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("issue #1 sent", result.Output);
        Assert.Contains("episode.mp3, chapters.json, transcript.vtt}", result.Output);
        var mp3 = Path.Combine(folder, "episode.mp3");
        var duration = EpisodeAudio.Duration(mp3);
        Assert.InRange(duration, TargetMinutes * 60 * 0.9, TargetMinutes * 60 * 1.1);
        // The episode is recorded before the newsletter is rendered, so the newsletter links to it with its length.
        Assert.Matches(@"Listen: \d+ min \d+ s, https?://\S+/issues/1#podcast-episode", await File.ReadAllTextAsync(Path.Combine(folder, "newsletter.txt")));
        var (integrated, truePeak) = EpisodeAudio.Loudness(mp3);
        Assert.InRange(integrated, -17, -15);
        Assert.True(truePeak <= -1.5, $"true peak {truePeak} dBTP");

        await using var db = TestDb.Open(_root.Root);
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        var headlines = await db.Summaries.AsNoTracking().OrderBy(s => s.ArticleId).Select(s => s.Headline).ToListAsync();
        using var chapters = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "chapters.json")));
        Assert.Equal("1.2.0", chapters.RootElement.GetProperty("version").GetString());
        var marks = chapters.RootElement.GetProperty("chapters").EnumerateArray().ToList();
        Assert.Equal(0, marks[0].GetProperty("startTime").GetDouble());
        Assert.Equal(headlines, marks.Skip(1).Select(c => c.GetProperty("title").GetString()));
        Assert.Equal(articles.Select(a => a.Url), marks.Skip(1).Select(c => c.GetProperty("url").GetString()));
        var starts = marks.Select(c => c.GetProperty("startTime").GetDouble()).ToList();
        Assert.Equal(starts.Order(), starts);
        Assert.True(starts[^1] < duration);

        // Every chapter starts where a transcript cue does; the cues run in order and end with the audio.
        var vtt = await File.ReadAllTextAsync(Path.Combine(folder, "transcript.vtt"));
        Assert.StartsWith("WEBVTT\n", vtt);
        var cues = Cue().Matches(vtt).Select(m => (Start: Seconds(m.Groups[1].Value), End: Seconds(m.Groups[2].Value), Speaker: m.Groups[3].Value)).ToList();
        Assert.All(starts, start => Assert.Contains(cues, c => Math.Abs(c.Start - start) < 0.0015));
        Assert.All(cues.Zip(cues.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start));
        Assert.InRange(cues[^1].End, duration - 0.2, duration + 0.01);
        Assert.Equal(["Alex", "Sam"], cues.Select(c => c.Speaker).Distinct().Order());

        // The MP3 carries the same chapters as ID3v2 CHAP frames.
        var id3 = EpisodeAudio.Chapters(mp3);
        Assert.Equal(marks.Select(c => c.GetProperty("title").GetString()), id3.Select(c => c.Title));
        Assert.All(starts.Zip(id3), pair => Assert.Equal(pair.First, pair.Second.Start, 0.002));

        // A run cut short before the episode was stored (state put back, episode gone) makes no new synthesis, and two
        // runs leave one episode.
        var calls = await db.SpeechCalls.CountAsync();
        Assert.True(calls > 0);
        await db.Episodes.ExecuteDeleteAsync();
        await db.Issues.ExecuteUpdateAsync(s => s.SetProperty(i => i.State, IssueState.Recording));
        using (var host = BuildHost(Speaking()))
        {
            for (var run = 0; run < 2; run++)
            {
                await using var scope = host.Services.CreateAsyncScope();
                await db.Issues.ExecuteUpdateAsync(s => s.SetProperty(i => i.State, IssueState.Recording));
                await scope.ServiceProvider.GetRequiredService<RenderEpisodeJob>().RunAsync(1, CancellationToken.None);
            }
        }
        Assert.Equal(calls, await db.SpeechCalls.CountAsync());
        var again = await db.Episodes.AsNoTracking().SingleAsync();
        Assert.Equal(EpisodeState.Ready, again.State);
        Assert.Equal(duration, again.DurationSeconds, 0.001);
    }

    [Fact]
    public async Task RecordingAgain_ReplacesTheEpisodeOnlyWhenItSucceeds_AndKeepsItsRowAndRecordingTime()
    {
        var cli = new CliRunner(_root.Root, Speaking());
        await IngestSamplesWithLinksAsync(cli);
        Assert.Equal(0, (await cli.RunAsync("digest")).ExitCode);
        Episode first;
        await using (var db = TestDb.Open(_root.Root)) first = await db.Episodes.AsNoTracking().SingleAsync();

        var broken = await RecordAgainAsync(Speaking(new() { ["Script:Voices:Sam"] = "nosuchvoice" }));
        Episode kept;
        await using (var db = TestDb.Open(_root.Root)) kept = await db.Episodes.AsNoTracking().SingleAsync();
        var changed = await RecordAgainAsync(Speaking(new() { ["Script:Voices:Sam"] = "en-us+m1" }));
        Episode again;
        await using (var db = TestDb.Open(_root.Root)) again = await db.Episodes.AsNoTracking().SingleAsync();

        Assert.StartsWith("The new recording failed, so the earlier episode stays: speech for voice 'nosuchvoice'", broken);
        Assert.Equal(EpisodeState.Ready, kept.State);
        Assert.Equal(first.Audio, kept.Audio);
        Assert.StartsWith("The episode of issue 1 was recorded again", changed);
        Assert.Equal((first.Id, first.CreatedAt, EpisodeState.Ready), (again.Id, again.CreatedAt, again.State));
        Assert.NotEqual(first.Audio, again.Audio); // Sam's new voice
        Assert.InRange(again.DurationSeconds, TargetMinutes * 60 * 0.9, TargetMinutes * 60 * 1.1);
    }

    private async Task<string> RecordAgainAsync(Dictionary<string, string?> settings)
    {
        using var host = BuildHost(settings);
        await host.StartAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RenderEpisodeJob>().RecordAgainAsync(1, CancellationToken.None);
        await host.StopAsync();
        return result;
    }

    [Fact]
    public async Task AVoiceEspeakNgDoesNotHave_FailsTheEpisodeWithItsReason_AndTheIssueIsStillSent()
    {
        var cli = new CliRunner(_root.Root, Speaking(new() { ["Script:Voices:Sam"] = "nosuchvoice" }));
        await IngestSamplesWithLinksAsync(cli);

        var result = await cli.RunAsync("digest");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("issue #1 sent", result.Output);
        Assert.Contains("episode failed: speech for voice 'nosuchvoice': espeak-ng failed (exit 1): Error: The specified espeak-ng voice does not exist.",
            result.Output);
        await using var db = TestDb.Open(_root.Root);
        Assert.Equal(EpisodeState.Failed, (await db.Episodes.AsNoTracking().SingleAsync()).State);
        Assert.Contains(await db.SpeechCalls.AsNoTracking().ToListAsync(), c => c is { Outcome: SpeechCallOutcome.Failed, Voice: "nosuchvoice" });
    }

    [Fact]
    public async Task EspeakNgGoneAfterStart_FailsTheEpisodeNamingTheProgramAndItsPackage_AndTheIssueIsStillSent()
    {
        var program = Path.Combine(_root.Path, "bin", "espeak-ng");
        Directory.CreateDirectory(Path.GetDirectoryName(program)!);
        File.CreateSymbolicLink(program, "/usr/bin/espeak-ng");
        using var host = BuildHost(Speaking(new() { ["Speech:EspeakPath"] = program }), jobServer: true);
        await host.StartAsync();
        try
        {
            await using (var scope = host.Services.CreateAsyncScope())
                await foreach (var _ in scope.ServiceProvider.GetRequiredService<ArticleIngestor>()
                                   .IngestAsync(Path.Combine(TestRoot.RepositoryRoot, DemoCommand.SamplesFolder), CancellationToken.None)) { }
            File.Delete(program);
            await using var scope2 = host.Services.CreateAsyncScope();
            await scope2.ServiceProvider.GetRequiredService<ContentPipeline.Subscribers.SubscriberRegistry>()
                .AddAsync("reader@example.com", "Reader", "test", SubscriberStatus.Active, CancellationToken.None);
            var output = new StringWriter();

            var exit = await DigestCommand.RunAsync(host.Services, null, 120, output, CancellationToken.None);

            Assert.True(exit == 0, output.ToString());
            Assert.Contains("issue #1 sent", output.ToString());
            var failure = output.ToString().Split('\n').Single(l => l.StartsWith("episode failed: ", StringComparison.Ordinal));
            Assert.Contains($"espeak-ng was not found at {program}", failure);
            Assert.Contains("apt-get install espeak-ng", failure);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task SpeechEnabled_WithEspeakNgMissing_StopsTheHostAtStart_NamingTheProgramAndItsPackage()
    {
        var cli = new CliRunner(_root.Root, Speaking(new() { ["Speech:EspeakPath"] = "/nonexistent/espeak-ng" }));

        var result = await cli.RunAsync("issues", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Speech:Enabled is true but espeak-ng was not found at /nonexistent/espeak-ng (Speech:EspeakPath): " +
            "install it with apt-get install espeak-ng", result.Error);
    }

    [Fact]
    public async Task SpeechOff_RecordsNoEpisode_AndTheIssueIsSent()
    {
        var cli = new CliRunner(_root.Root, Speaking(new() { ["Speech:Enabled"] = "false" }));
        await IngestSamplesWithLinksAsync(cli);
        var folder = Path.Combine(_root.Path, "out");

        var result = await cli.RunAsync("digest", "--out", folder);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("issue #1 sent", result.Output);
        Assert.Contains("episode: none", result.Output);
        Assert.False(File.Exists(Path.Combine(folder, "episode.mp3")));
        await using var db = TestDb.Open(_root.Root);
        Assert.Equal(0, await db.Episodes.CountAsync());
        Assert.Equal(0, await db.SpeechCalls.CountAsync());
    }

    [Theory]
    [InlineData("""{"title":"The Daily Pipeline","segments":[]}""", "the script has no text to read")]
    [InlineData(null, "the issue has no podcast script to read")]
    public async Task AnEmptyOrMissingScript_FailsTheEpisodeWithItsReason_AndTheIssueMovesOn(string? segments, string reason)
    {
        using var host = BuildHost(Speaking());
        await host.StartAsync();
        await using (var db = TestDb.Open(_root.Root))
        {
            var issue = new Issue { State = IssueState.Recording, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Issues.Add(issue);
            await db.SaveChangesAsync();
            if (segments is not null)
                db.ScriptDrafts.Add(new ScriptDraft { IssueId = issue.Id, SegmentsJson = segments, Markdown = "", Provider = "Offline", Model = "offline", PromptVersion = "test" });
            await db.SaveChangesAsync();
        }

        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RenderEpisodeJob>().RunAsync(1, CancellationToken.None);

        await using var check = TestDb.Open(_root.Root);
        var episode = await check.Episodes.AsNoTracking().SingleAsync();
        Assert.Equal((EpisodeState.Failed, reason), (episode.State, episode.Error));
        Assert.Equal(IssueState.Rendering, (await check.Issues.AsNoTracking().SingleAsync()).State);
        await host.StopAsync();
    }

    /// <summary>The bundled samples, each given a link (files have none) so chapters carry one, and a reader.</summary>
    private async Task IngestSamplesWithLinksAsync(CliRunner cli)
    {
        Assert.Equal(0, (await cli.RunAsync("ingest", Path.Combine(TestRoot.RepositoryRoot, DemoCommand.SamplesFolder))).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("subscribers", "add", "reader@example.com")).ExitCode);
        await using var db = TestDb.Open(_root.Root);
        await db.Articles.ExecuteUpdateAsync(s => s.SetProperty(a => a.Url, a => "https://news.example/story/" + a.Id));
    }

    private IHost BuildHost(Dictionary<string, string?> settings, bool jobServer = false) =>
        AppHost.BuildCli([], jobServer, verbose: false, Program.AddFeatures, _root.Root, b => b.Configuration.AddInMemoryCollection(settings));

    private static double Seconds(string clock) => TimeSpan.ParseExact(clock, @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture).TotalSeconds;

    [GeneratedRegex(@"^(\d\d:\d\d:\d\d\.\d\d\d) --> (\d\d:\d\d:\d\d\.\d\d\d)\n<v ([^>]+)>", RegexOptions.Multiline)]
    private static partial Regex Cue();

    public void Dispose() => _root.Dispose();
}
