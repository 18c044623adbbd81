using System.Text.Json.Nodes;
using ContentPipeline.Cli;
using ContentPipeline.Data;
using ContentPipeline.Episodes;
using ContentPipeline.Hosting;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContentPipeline.Tests.Episodes.Speech;

/// <summary>The podcast episode read by a speech endpoint over HTTP, through the real OpenAI and Azure OpenAI SDKs against a local server.</summary>
[Collection(HostCollection.Name)]
public sealed class OpenAISpeechProviderTests : IDisposable
{
    private static readonly byte[] Voice = SpeechServer.Wav();
    private readonly TestRoot _root = new();

    /// <summary>Two hosts with two OpenAI voices, a short episode.</summary>
    private static Dictionary<string, string?> Speaking(Dictionary<string, string?> provider)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Script:TargetMinutes"] = "1",
            ["Summaries:Sentences"] = "2",
            ["Script:Hosts:0"] = "Alex", ["Script:Hosts:1"] = "Sam",
            ["Script:Voices:Alex"] = "alloy", ["Script:Voices:Sam"] = "echo",
        };
        foreach (var (key, value) in provider) settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task Digest_WithOpenAISpeech_RecordsTheEpisode_RetryingA429AfterItsRetryAfterAndA500_AndARerunMakesNoCall()
    {
        await using var server = await SpeechServer.StartAsync(SpeechServer.Sequence(
            SpeechReply.Error(429, "slow down", new Dictionary<string, string> { ["Retry-After"] = "1" }),
            SpeechReply.Error(500, "oops"),
            SpeechReply.Audio(Voice)));
        var settings = Speaking(server.OpenAISettings(("Speech:MaxConcurrency", "1"), ("Speech:MaxInputCharacters", "200"),
            ("Speech:Prices:tts-test", "15")));
        var cli = new CliRunner(_root.Root, settings);
        await IngestSamplesAsync(cli);
        var folder = Path.Combine(_root.Path, "out");

        var result = await cli.RunAsync("digest", "--out", folder);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("issue #1 sent", result.Output);
        Assert.Contains("episode.mp3, chapters.json, transcript.vtt}", result.Output);
        Assert.True(EpisodeAudio.Duration(Path.Combine(folder, "episode.mp3")) > 1);
        var requests = server.Requests.ToList();
        Assert.All(requests, r =>
        {
            Assert.Equal("/v1/audio/speech", r.Path);
            Assert.Equal("tts-test", r.Body["model"]!.GetValue<string>());
            Assert.Equal("wav", r.Body["response_format"]!.GetValue<string>());
            Assert.Contains(r.Voice, new[] { "alloy", "echo" });
            Assert.InRange(r.Input.Length, 1, 200);
            Assert.DoesNotContain("<", r.Input);
            Assert.InRange(r.Body["speed"]!.GetValue<double>(), 1, 1.25);
        });
        Assert.Equal(["alloy", "echo"], requests.Select(r => r.Voice).Distinct().Order());
        // The 429 and the 500 were retried with the same text, the 429 after its Retry-After second.
        var afterTooMany = requests.Skip(1).First(r => r.Input == requests[0].Input && r.Voice == requests[0].Voice);
        Assert.True(afterTooMany.ArrivedAt - requests[0].ArrivedAt >= TimeSpan.FromMilliseconds(950), $"{afterTooMany.ArrivedAt - requests[0].ArrivedAt}");
        Assert.Contains(requests.Skip(2), r => r.Input == requests[1].Input && r.Voice == requests[1].Voice);

        await using var db = TestDb.Open(_root.Root);
        var calls = await db.SpeechCalls.AsNoTracking().ToListAsync();
        Assert.All(calls, c => Assert.Equal(("OpenAI", "tts-test", SpeechCallOutcome.Succeeded), (c.Provider, c.Model, c.Outcome)));
        // Priced by the plain text's characters (what the provider bills), shown beside the model calls.
        var characters = calls.Sum(c => c.Characters);
        Assert.Equal(requests.Skip(2).Sum(r => r.Input.Length), characters, tolerance: requests.Count);
        var cost = characters * 15m / 1_000_000m;
        Assert.Contains($"speech: {calls.Count} speech call(s), {characters:N0} characters, estimated cost {cost:0.####}", result.Output);
        var list = await cli.RunAsync("issues", "list");
        Assert.Contains($"speech: {calls.Count} speech call(s), {characters:N0} characters, estimated cost {cost:0.####}", list.Output);
        // Segments longer than Speech:MaxInputCharacters were split: more requests (less the two faults) than recorded segments.
        Assert.True(requests.Count - 2 > calls.Count, $"{requests.Count} requests for {calls.Count} segments");

        // A run cut short before the episode was stored makes no new call: the recording layer answers from SpeechCalls.
        var made = requests.Count;
        await db.Episodes.ExecuteDeleteAsync();
        await db.Issues.ExecuteUpdateAsync(s => s.SetProperty(i => i.State, IssueState.Recording));
        using (var host = BuildHost(settings))
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RenderEpisodeJob>().RunAsync(1, CancellationToken.None);
        }
        Assert.Equal(made, server.Requests.Count);
        Assert.Equal(EpisodeState.Ready, (await db.Episodes.AsNoTracking().SingleAsync()).State);
    }

    [Fact]
    public async Task AVoiceThatSpeaksFasterThanScriptWordsPerMinute_IsSlowedToTheScriptsLength()
    {
        // The server reads each request at 210 words a minute, whatever speed was asked for: 40 % faster than the script's 150.
        await using var server = await SpeechServer.StartAsync(request => SpeechReply.Audio(SpeechServer.Wav(request.Input, wordsPerMinute: 210)));
        var cli = new CliRunner(_root.Root, Speaking(server.OpenAISettings(("Speech:MaxConcurrency", "2"))));
        await IngestSamplesAsync(cli);

        var result = await cli.RunAsync("digest");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        await using var db = TestDb.Open(_root.Root);
        var episode = await db.Episodes.AsNoTracking().SingleAsync();
        var words = await db.ScriptDrafts.AsNoTracking().Select(s => s.WordCount).SingleAsync();
        Assert.True(episode.State == EpisodeState.Ready, episode.Error);
        Assert.InRange(episode.DurationSeconds, words * 60.0 / 150 * 0.9, words * 60.0 / 150 * 1.1);
    }

    [Fact]
    public async Task Digest_WithAzureOpenAISpeech_CallsTheDeploymentWithItsKeyAndApiVersion()
    {
        await using var server = await SpeechServer.StartAsync(_ => SpeechReply.Audio(Voice));
        var cli = new CliRunner(_root.Root, Speaking(new()
        {
            ["Speech:Enabled"] = "true",
            ["Speech:Provider"] = "AzureOpenAI",
            ["Speech:Endpoint"] = server.Address.ToString(),
            ["Speech:Deployment"] = "voice-tts",
            ["Speech:ApiKey"] = "speech-key-456",
        }));
        await IngestSamplesAsync(cli);

        var result = await cli.RunAsync("digest");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("issue #1 sent", result.Output);
        Assert.False(result.Output.Contains("episode failed"), result.Output);
        Assert.DoesNotContain("speech-key-456", result.Output + result.Error);
        Assert.NotEmpty(server.Requests);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("/openai/deployments/voice-tts/audio/speech", r.Path);
            Assert.Contains("api-version=", r.Query);
            Assert.Equal("speech-key-456", r.Headers["api-key"]);
            Assert.Equal("wav", r.Body["response_format"]!.GetValue<string>());
        });
        await using var db = TestDb.Open(_root.Root);
        Assert.Equal(EpisodeState.Ready, (await db.Episodes.AsNoTracking().SingleAsync()).State);
        Assert.All(await db.SpeechCalls.AsNoTracking().ToListAsync(), c => Assert.Equal(("AzureOpenAI", "voice-tts"), (c.Provider, c.Model)));
    }

    [Fact]
    public async Task AVoiceThatAnswersWithAWebPage_FailsTheEpisodeWithAClearReason_CachesNothing_AndTheIssueIsStillSent()
    {
        await using var server = await SpeechServer.StartAsync(_ =>
            new SpeechReply(200, "<html><body>Gateway login</body></html>"u8.ToArray(), "text/html"));
        var cli = new CliRunner(_root.Root, Speaking(server.OpenAISettings()));
        await IngestSamplesAsync(cli);

        var result = await cli.RunAsync("digest");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("issue #1 sent", result.Output);
        Assert.Contains("episode failed: the OpenAI voice's answer is not usable audio (the voice's audio is not a WAV file; 39 bytes beginning " +
            "\"<html><body>Gateway login</body></html>\")", result.Output);
        await using var db = TestDb.Open(_root.Root);
        Assert.Equal(EpisodeState.Failed, (await db.Episodes.AsNoTracking().SingleAsync()).State);
        Assert.DoesNotContain(await db.SpeechCalls.AsNoTracking().ToListAsync(), c => c.Outcome == SpeechCallOutcome.Succeeded);
    }

    [Fact]
    public async Task AVoiceThatKeepsFailing_FailsTheEpisodeWithTheStatusAndTheServersMessage_AfterItsRetries()
    {
        await using var server = await SpeechServer.StartAsync(_ => SpeechReply.Error(503, "speech backend is down"));
        var cli = new CliRunner(_root.Root, Speaking(server.OpenAISettings(("Speech:MaxRetries", "1"), ("Speech:MaxConcurrency", "1"))));
        await IngestSamplesAsync(cli);

        var result = await cli.RunAsync("digest");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("issue #1 sent", result.Output);
        var failure = result.Output.Split('\n').Single(l => l.StartsWith("episode failed: ", StringComparison.Ordinal));
        Assert.Contains("the OpenAI voice failed: HTTP 503", failure);
        Assert.Contains("speech backend is down", failure);
    }

    [Fact]
    public async Task AKeyTheVoiceRefuses_FailsTheEpisodeAtOnce_WithoutRetrying()
    {
        await using var server = await SpeechServer.StartAsync(_ => SpeechReply.Error(401, "Incorrect API key provided"));
        var cli = new CliRunner(_root.Root, Speaking(server.OpenAISettings(("Speech:MaxConcurrency", "1"), ("Speech:ApiKey", "wrong-key-789"))));
        await IngestSamplesAsync(cli);

        var result = await cli.RunAsync("digest");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("issue #1 sent", result.Output);
        Assert.Contains("episode failed: the OpenAI voice failed: HTTP 401: ", result.Output);
        Assert.Contains("Incorrect API key provided", result.Output);
        Assert.DoesNotContain("wrong-key-789", result.Output + result.Error);
        var requests = server.Requests.ToList();
        Assert.Equal(requests.Count, requests.Select(r => (r.Input, r.Voice)).Distinct().Count());
    }

    [Theory]
    [InlineData("AzureOpenAI", "https://example.openai.azure.com/", null, null, "k", "Speech:Deployment is required when Speech:Provider is AzureOpenAI")]
    [InlineData("AzureOpenAI", "https://example.openai.azure.com/", "tts", null, null, "Speech:ApiKey is required when Speech:Provider is AzureOpenAI")]
    [InlineData("OpenAI", "http://localhost:8000/v1", null, null, null, "Speech:Model is required when Speech:Provider is OpenAI")]
    [InlineData("OpenAI", null, null, "tts-1", null, "Speech:Endpoint is required when Speech:Provider is OpenAI")]
    [InlineData("OpenAI", "localhost:8000", null, "tts-1", null, "Speech:Endpoint must be an absolute http(s) URL; got 'localhost:8000'")]
    public async Task ASpeechProviderMissingASetting_StopsTheHostAtStart_NamingTheKey(string provider, string? endpoint, string? deployment,
        string? model, string? key, string message)
    {
        var cli = new CliRunner(_root.Root, new Dictionary<string, string?>
        {
            ["Speech:Provider"] = provider, ["Speech:Endpoint"] = endpoint, ["Speech:Deployment"] = deployment,
            ["Speech:Model"] = model, ["Speech:ApiKey"] = key,
        });

        var result = await cli.RunAsync("issues", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    private async Task IngestSamplesAsync(CliRunner cli)
    {
        Assert.Equal(0, (await cli.RunAsync("ingest", Path.Combine(TestRoot.RepositoryRoot, DemoCommand.SamplesFolder))).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("subscribers", "add", "reader@example.com")).ExitCode);
    }

    private IHost BuildHost(Dictionary<string, string?> settings) =>
        AppHost.BuildCli([], false, verbose: false, Program.AddFeatures, _root.Root, b => b.Configuration.AddInMemoryCollection(settings));

    public void Dispose() => _root.Dispose();
}
