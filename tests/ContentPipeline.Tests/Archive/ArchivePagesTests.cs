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

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _root.Dispose();
    }
}
