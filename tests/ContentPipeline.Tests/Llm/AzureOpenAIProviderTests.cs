using System.Text.Json;
using System.Text.Json.Nodes;
using ContentPipeline.Data;
using ContentPipeline.Tests.EndToEnd;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Tests.Llm;

[Collection(HostCollection.Name)]
public sealed class AzureOpenAIProviderTests : IDisposable
{
    private readonly TestRoot _root = new();

    [Fact]
    public async Task Digest_WithAzureOpenAI_SendsStrictJsonSchemaRequestsToTheDeployment_AndUsesTheAnswers()
    {
        await using var server = await ChatCompletionsServer.StartAsync(AnswerLikeAModel);
        var cli = new CliRunner(_root.Root, new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "AzureOpenAI",
            ["Llm:Endpoint"] = server.Address.ToString(),
            ["Llm:Deployment"] = "digest-gpt",
            ["Llm:ApiKey"] = "test-key-123",
        });
        Assert.Equal(0, (await cli.RunAsync("ingest", _root.Write("in/bridge.txt", Fixtures.FurnishedArticle))).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("subscribers", "add", "dee@example.org")).ExitCode);

        var digest = await cli.RunAsync("digest", "--out", Path.Combine(_root.Path, "out"), "--timeout", "60");

        Assert.True(digest.ExitCode == 0, digest.Output + digest.Error);
        var requests = server.Requests.ToList();
        Assert.Equal(["article_summary", "podcast_script"], requests.Select(r => r.SchemaName));
        Assert.All(requests, r =>
        {
            Assert.Equal("/openai/deployments/digest-gpt/chat/completions", r.Path);
            Assert.Contains("api-version=", r.Query);
            Assert.Equal("test-key-123", r.Headers["api-key"]);
            Assert.Equal("json_schema", r.Body["response_format"]!["type"]!.GetValue<string>());
            Assert.True(r.Body["response_format"]!["json_schema"]!["strict"]!.GetValue<bool>());
            Assert.True(r.Body["max_completion_tokens"] is not null || r.Body["max_tokens"] is not null);
        });
        // The article is data in the user message, never part of the instructions.
        var summaryRequest = requests[0];
        var instructions = summaryRequest.Body["messages"]![0]!["content"]!.GetValue<string>();
        Assert.Contains("Summarize the news article you are given", instructions);
        Assert.DoesNotContain("Wexley", instructions);
        Assert.Contains("Wexley", summaryRequest.UserData["text"]!.GetValue<string>());

        var text = await File.ReadAllTextAsync(Path.Combine(_root.Path, "out", "newsletter.txt"));
        Assert.Contains("Bridge closes to cars after corrosion found", text);
        await using var db = TestDb.Open(_root.Root);
        var summary = await db.Summaries.SingleAsync();
        Assert.Equal(("AzureOpenAI", 120L, 30L), (summary.Provider, summary.InputTokens, summary.OutputTokens));
    }

    private static ChatReply AnswerLikeAModel(ChatRequest request) => request.SchemaName switch
    {
        "article_summary" => ChatReply.Completion(JsonSerializer.Serialize(new
        {
            headline = "Bridge closes to cars after corrosion found",
            summary = "Larkhaven's Wexley Bridge will close to cars next spring because its iron supports have corroded.",
            keyPoints = new[] { "Closed to cars from spring" },
            topics = new[] { "Larkhaven", "bridges" },
        })),
        _ => ChatReply.Completion(JsonSerializer.Serialize(new
        {
            title = "Morning briefing",
            segments = new object[]
            {
                new { kind = "intro", speaker = "Alex", text = "Good morning.", articleIds = Array.Empty<long>() },
                new { kind = "story", speaker = "Alex", text = "A bridge closes.",
                      articleIds = request.UserData["stories"]!.AsArray().Select(s => s!["id"]!.GetValue<long>()).ToArray() },
                new { kind = "outro", speaker = "Alex", text = "Goodbye.", articleIds = Array.Empty<long>() },
            },
        })),
    };

    [Fact]
    public async Task Digest_WithAzureOpenAI_Survives429And500_AndReingestingTheSameFilesMakesNoCalls()
    {
        var failures = 0;
        await using var server = await ChatCompletionsServer.StartAsync(request =>
            Interlocked.Increment(ref failures) switch
            {
                1 => new ChatReply(429, """{"error":{"code":"429","message":"Rate limit"}}""", new Dictionary<string, string> { ["Retry-After"] = "1" }),
                2 => new ChatReply(500, """{"error":{"message":"boom"}}"""),
                _ => AnswerLikeAModel(request),
            });
        var cli = new CliRunner(_root.Root, new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "AzureOpenAI",
            ["Llm:Endpoint"] = server.Address.ToString(),
            ["Llm:Deployment"] = "digest-gpt",
            ["Llm:ApiKey"] = "test-key-123",
            ["Llm:ApiVersion"] = "2024-10-21",
            ["Llm:RetryBaseDelayMs"] = "20",
        });
        var file = _root.Write("in/bridge.txt", Fixtures.FurnishedArticle);
        Assert.Equal(0, (await cli.RunAsync("ingest", file)).ExitCode);

        var digest = await cli.RunAsync("digest", "--timeout", "60");

        Assert.True(digest.ExitCode == 0, digest.Output + digest.Error);
        Assert.Equal(4, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Contains("api-version=2024-10-21", r.Query));
        var calls = server.Requests.Count;
        Assert.Equal(0, (await cli.RunAsync("ingest", file)).ExitCode);
        Assert.Contains("nothing new", (await cli.RunAsync("digest", "--timeout", "60")).Output);
        Assert.Equal(calls, server.Requests.Count);
    }

    public void Dispose() => _root.Dispose();
}
