using ContentPipeline.Data;
using ContentPipeline.Hosting;
using ContentPipeline.Ingestion.Sources;
using ContentPipeline.Tests.Ingestion.Feeds;
using ContentPipeline.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContentPipeline.Tests.Ingestion.Sources;

[Collection(HostCollection.Name)]
public sealed class PollFeedsJobTests : IAsyncLifetime
{
    private readonly TestRoot _root = new();
    private TestWebServer _web = null!;
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Ingestion:AllowPrivateNetworks"] = "true",
        ["Ingestion:FetchFullText"] = "false",
        ["Ingestion:PerHostDelaySeconds"] = "0.3",
    };

    public async Task InitializeAsync()
    {
        _web = await TestWebServer.StartAsync();
        var feed = WebResponse.Text(FeedFixtures.Rss20, "application/rss+xml") with { Headers = new Dictionary<string, string> { ["ETag"] = "\"v1\"" } };
        _web.Routes["/good.xml"] = request => request.Headers.IfNoneMatch == "\"v1\"" ? new WebResponse(304, "text/plain", []) : feed;
        _web.Serve("/bad.xml", WebResponse.Text("down for maintenance", "text/plain", 503));
    }

    [Fact]
    public async Task Poll_StoresNewItems_UsesConditionalGet_AndBacksOffAFailingSource_WithoutStoppingTheOthers()
    {
        var cli = new CliRunner(_root.Root, _settings);
        Assert.Equal(0, (await cli.RunAsync("sources", "add", _web.Url("/bad.xml").ToString())).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("sources", "add", _web.Url("/good.xml").ToString())).ExitCode);

        await PollAsync();

        await using (var db = TestDb.Open(_root.Root))
        {
            var (bad, good) = (await db.Sources.SingleAsync(s => s.Id == 1), await db.Sources.SingleAsync(s => s.Id == 2));
            Assert.Equal((1, "the server answered 503 Service Unavailable"), (bad.ConsecutiveFailures, bad.LastError));
            Assert.InRange(bad.NextAttemptAt - bad.LastFetchedAt!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
            Assert.Equal((0, null, 2), (good.ConsecutiveFailures, good.LastError, good.ArticlesStored));
            Assert.Equal(2, await db.Articles.CountAsync(a => a.SourceId == 2));
            await db.Sources.ExecuteUpdateAsync(s => s.SetProperty(x => x.NextAttemptAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        await PollAsync();

        await using (var db = TestDb.Open(_root.Root))
        {
            var (bad, good) = (await db.Sources.SingleAsync(s => s.Id == 1), await db.Sources.SingleAsync(s => s.Id == 2));
            Assert.Equal(2, bad.ConsecutiveFailures);
            Assert.InRange(bad.NextAttemptAt - bad.LastFetchedAt!.Value, TimeSpan.FromMinutes(119), TimeSpan.FromMinutes(121));
            Assert.Equal(2, await db.Articles.CountAsync());
        }
        var goodRequests = _web.Requests.Where(r => r.Path == "/good.xml").ToList();
        Assert.Equal("\"v1\"", goodRequests[1].Headers["If-None-Match"]);
        var all = _web.Requests.ToList();
        Assert.True(all[1].ArrivedAt - all[0].ArrivedAt >= TimeSpan.FromMilliseconds(280), "two requests to one host came without the pause");
    }

    [Fact]
    public async Task Sources_AreAddedOnceByCanonicalUrl_AndRemoved()
    {
        var cli = new CliRunner(_root.Root, _settings);

        await cli.RunAsync("sources", "add", "https://Valley.Example/feed.xml?utm_source=x");
        var again = await cli.RunAsync("sources", "add", "https://valley.example/feed.xml");
        var bad = await cli.RunAsync("sources", "add", "file:///etc/passwd");
        var removed = await cli.RunAsync("sources", "remove", "1");

        Assert.Contains("already source #1", again.Output);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("not an http(s) URL", bad.Error);
        Assert.Equal(0, removed.ExitCode);
        Assert.Contains("no sources yet", (await cli.RunAsync("sources", "list")).Output);
    }

    private async Task PollAsync()
    {
        using var host = AppHost.BuildCli([], jobServer: false, verbose: false, Program.AddFeatures, _root.Root,
            b => b.Configuration.AddInMemoryCollection(_settings));
        await host.StartAsync();
        await host.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope().ServiceProvider
            .GetRequiredService<PollFeedsJob>().RunAsync(CancellationToken.None);
        await host.StopAsync();
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        _root.Dispose();
    }
}
