using ContentPipeline.Data;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Tests.EndToEnd;

[Collection(HostCollection.Name)]
public sealed class DigestOverSmtpTests : IAsyncLifetime
{
    private readonly TestRoot _root = new();
    private readonly SmtpTestServer _smtp = new();
    private CliRunner _cli = null!;

    public Task InitializeAsync()
    {
        _cli = new CliRunner(_root.Root, _smtp.Settings(new Dictionary<string, string?>
        {
            ["Newsletter:FromAddress"] = "digest@larkhaven.test",
            ["Newsletter:PublicBaseUrl"] = "https://news.larkhaven.test",
        }));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Digest_DeliversOneMultipartMessageWithSummaryAndUnsubscribeHeaders()
    {
        var article = _root.Write("in/bridge.txt", Fixtures.FurnishedArticle);
        Assert.Equal(0, (await _cli.RunAsync("ingest", article)).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("subscribers", "add", "ada@example.org", "--name", "Ada")).ExitCode);

        var outDir = Path.Combine(_root.Path, "out");
        var digest = await _cli.RunAsync("digest", "--out", outDir, "--timeout", "60");

        Assert.True(digest.ExitCode == 0, digest.Output + digest.Error);
        var received = Assert.Single(_smtp.Messages);
        Assert.Equal(["ada@example.org"], received.To);
        var message = received.Message;
        Assert.Equal("digest@larkhaven.test", message.From.Mailboxes.Single().Address);
        Assert.Equal("issue-1.sub-1@larkhaven.test", message.MessageId);
        Assert.Matches(@"^<https://news\.larkhaven\.test/unsubscribe/[A-Za-z0-9_-]+>$", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);

        var alternative = Assert.IsType<MimeKit.MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        var text = message.TextBody ?? "";
        Assert.Contains("Good morning, Ada.", text);
        var articleSentences = ContentPipeline.Summaries.Extractive.SentenceSplitter.Split(Fixtures.FurnishedArticle);
        Assert.True(articleSentences.Count(text.Contains) >= 2, "the summary should be sentences of the article:\n" + text);
        Assert.Contains("Larkhaven", message.HtmlBody);
        Assert.DoesNotContain("Continue reading", text);
        Assert.DoesNotContain("Subscribe to the Larkhaven Daily", text);

        Assert.All(new[] { "newsletter.html", "newsletter.txt", "script.md" }, f => Assert.True(new FileInfo(Path.Combine(outDir, f)).Length > 0, f));
        await using var db = TestDb.Open(_root.Root);
        var script = await db.ScriptDrafts.SingleAsync();
        Assert.Contains("Larkhaven", script.Markdown);
        Assert.Equal(IssueState.Sent, (await db.Issues.SingleAsync()).State);
        Assert.Equal(DeliveryState.Sent, (await db.Deliveries.SingleAsync()).State);
    }

    [Fact]
    public async Task Digest_RunTwice_SendsNothingTheSecondTime()
    {
        Assert.Equal(0, (await _cli.RunAsync("ingest", _root.Write("in/market.txt", Fixtures.SecondArticle))).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("subscribers", "add", "bo@example.org")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("digest", "--timeout", "60")).ExitCode);

        var again = await _cli.RunAsync("digest", "--timeout", "60");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("nothing new", again.Output);
        Assert.Single(_smtp.Messages);
        var listed = System.Text.Json.JsonDocument.Parse((await _cli.RunAsync("issues", "list", "--json")).Lines.Single()).RootElement;
        Assert.Equal("Sent", listed.GetProperty("state").GetString());
        Assert.Equal(1, listed.GetProperty("sent").GetInt32());
        Assert.Equal(2, listed.GetProperty("modelCalls").GetInt32());
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _root.Dispose();
    }
}
