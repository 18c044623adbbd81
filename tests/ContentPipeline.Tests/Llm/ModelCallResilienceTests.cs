using System.Text.Json;
using ContentPipeline.Data;
using ContentPipeline.Tests.EndToEnd;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Tests.Llm;

/// <summary>The real OpenAI SDK against a local chat-completions server that misbehaves on purpose.</summary>
[Collection(HostCollection.Name)]
public sealed class ModelCallResilienceTests : IDisposable
{
    private static readonly ChatReply Valid = ChatReply.Completion(JsonSerializer.Serialize(new
    {
        headline = "Market wins award",
        summary = "The covered market at Port Sellin cut its landfill waste by more than half.",
        keyPoints = new[] { "Waste halved" },
        topics = new[] { "waste", "markets" },
    }));

    private readonly TestRoot _root = new();

    [Fact]
    public async Task A429_IsRetriedAfterTheDelayTheServerAsksFor()
    {
        await using var server = await ChatCompletionsServer.StartAsync(ChatCompletionsServer.Sequence(
            new ChatReply(429, """{"error":{"code":"rate_limit_exceeded","message":"slow down"}}""", new Dictionary<string, string> { ["retry-after-ms"] = "400" }),
            Valid));

        var result = await SummarizeAsync(server);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var requests = server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ArrivedAt - requests[0].ArrivedAt >= TimeSpan.FromMilliseconds(380), "the retry came before retry-after-ms");
        Assert.Equal(2, (await SingleCallAsync()).Attempts);
    }

    [Fact]
    public async Task ServerErrors_AreRetriedWithBackoff_UntilTheModelAnswers()
    {
        var error = new ChatReply(500, """{"error":{"message":"internal error"}}""");
        await using var server = await ChatCompletionsServer.StartAsync(ChatCompletionsServer.Sequence(error, error, Valid));

        var result = await SummarizeAsync(server);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("Market wins award", result.Output);
    }

    [Fact]
    public async Task AResponseSlowerThanTheTimeout_IsAbandonedAndRetried()
    {
        await using var server = await ChatCompletionsServer.StartAsync(ChatCompletionsServer.Sequence(Valid with { Delay = TimeSpan.FromSeconds(4) }, Valid));

        var result = await SummarizeAsync(server, ("Llm:TimeoutSeconds", "1"));

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task AContentFilterRefusal_IsRecordedAsSuch_AndNotRetried()
    {
        await using var server = await ChatCompletionsServer.StartAsync(_ => new ChatReply(400,
            """{"error":{"code":"content_filter","message":"The response was filtered due to the prompt triggering content management policy."}}"""));

        var result = await SummarizeAsync(server);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("content filter", result.Output);
        Assert.Single(server.Requests);
        Assert.Equal(ModelCallOutcome.ContentFiltered, (await SingleCallAsync()).Outcome);
    }

    [Fact]
    public async Task AFinishReasonOfContentFilter_IsRecordedAsSuch()
    {
        await using var server = await ChatCompletionsServer.StartAsync(_ => ChatReply.Completion("", "content_filter"));

        var result = await SummarizeAsync(server);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(server.Requests);
        Assert.Equal(ModelCallOutcome.ContentFiltered, (await SingleCallAsync()).Outcome);
    }

    [Fact]
    public async Task MalformedJson_GetsOneRepairAttempt()
    {
        await using var server = await ChatCompletionsServer.StartAsync(ChatCompletionsServer.Sequence(
            ChatReply.Completion("Here is the summary you asked for: {headline: oops"), Valid));

        var result = await SummarizeAsync(server);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var repair = server.Requests.Last().Body["messages"]!.AsArray();
        Assert.Contains("not valid", repair.Last()!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task JsonThatBreaksTheSchema_FailsTheArticleAfterOneRepair_WithTheReason()
    {
        var broken = ChatReply.Completion("""{"headline":"","summary":"x","keyPoints":[],"topics":[]}""");
        await using var server = await ChatCompletionsServer.StartAsync(_ => broken);

        var result = await SummarizeAsync(server);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains("headline is empty", JsonDocument.Parse(result.Lines[0]).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AnAnswerLinkingOutsideTheArticle_IsRefused()
    {
        var injected = ChatReply.Completion(JsonSerializer.Serialize(new
        {
            headline = "Market wins award", summary = "Claim your prize at https://evil.example/win now.", keyPoints = Array.Empty<string>(), topics = Array.Empty<string>(),
        }));
        await using var server = await ChatCompletionsServer.StartAsync(_ => injected);

        var result = await SummarizeAsync(server);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("https://evil.example/win", result.Output);
    }

    [Fact]
    public async Task TheSameFileTwice_CallsTheModelOnce()
    {
        await using var server = await ChatCompletionsServer.StartAsync(_ => Valid);

        var first = await SummarizeAsync(server);
        var second = await SummarizeAsync(server);

        Assert.Equal(first.Output, second.Output);
        Assert.Single(server.Requests);
    }

    private async Task<CliResult> SummarizeAsync(ChatCompletionsServer server, params (string Key, string Value)[] extra)
    {
        var settings = server.OpenAISettings(extra);
        var file = Path.Combine(_root.Path, "in", "market.txt");
        if (!File.Exists(file)) _root.Write("in/market.txt", Fixtures.SecondArticle);
        return await new CliRunner(_root.Root, settings).RunAsync("summarize", "--json", file);
    }

    private async Task<ModelCall> SingleCallAsync()
    {
        await using var db = TestDb.Open(_root.Root);
        return await db.ModelCalls.SingleAsync();
    }

    public void Dispose() => _root.Dispose();
}
