using System.Text;
using ContentPipeline.Tests.Ingestion.Feeds;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Tests.Ingestion.Web;

[Collection(HostCollection.Name)]
public sealed class WebIngestionTests : IAsyncLifetime
{
    private readonly TestRoot _root = new();
    private TestWebServer _web = null!;

    public async Task InitializeAsync() => _web = await TestWebServer.StartAsync();

    [Fact]
    public async Task AFeedUrl_StoresEachItem_WithCanonicalLinksAndDates()
    {
        _web.Serve("/feed.xml", WebResponse.Text(FeedFixtures.Rss20.Replace("https://valley.example/", _web.Address.ToString()), "application/rss+xml"));

        var result = await Cli().RunAsync("ingest", _web.Url("/feed.xml").ToString());

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("2 new article(s)", result.Output);
        await using var db = TestDb.Open(_root.Root);
        var articles = await db.Articles.OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(new Uri(_web.Address, "/news/tool-library?id=7").AbsoluteUri, articles[0].Url);
        Assert.Equal(new Uri(_web.Address, "/news/rowing-boat").AbsoluteUri, articles[1].Url);
        Assert.Equal(new DateTime(2026, 11, 3, 9, 30, 0), articles[0].PublishedAt);
        Assert.Equal("Tool library opens in old fire station", articles[0].Title);
    }

    [Fact]
    public async Task AFeedServedAsHtml_IsStillReadAsAFeed_AndTheSameStoryInTwoFeedsIsStoredOnce()
    {
        _web.Serve("/rss", WebResponse.Text(FeedFixtures.Rss20, "text/html"));
        _web.Serve("/atom", WebResponse.Text(FeedFixtures.Atom10, "application/atom+xml"));

        var result = await Cli().RunAsync("ingest", _web.Url("/rss").ToString(), _web.Url("/atom").ToString());

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("0 new article(s) (already stored as #2)", result.Lines[1]);
        await using var db = TestDb.Open(_root.Root);
        Assert.Equal(2, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task ATeaserItem_GetsItsFullTextFromTheLinkedPage_WithoutThePageFurniture()
    {
        _web.Serve("/teasers", WebResponse.Text($"""
            <rss version="2.0"><channel><title>Valley</title>
            <item><title>Tool library opens</title><link>{_web.Url("/news/tools")}</link><description>Borrow a drill.</description></item>
            </channel></rss>
            """, "application/rss+xml"));
        _web.Serve("/news/tools", WebResponse.Text(Page(FeedFixtures.StoryOne)));

        var result = await Cli(("Ingestion:FetchFullText", "true")).RunAsync("ingest", _web.Url("/teasers").ToString());

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        await using var db = TestDb.Open(_root.Root);
        var text = (await db.Articles.SingleAsync()).Text;
        Assert.Contains("Volunteers say more than three hundred people signed up", text);
        Assert.DoesNotContain("Sign in to comment", text);
        Assert.DoesNotContain("Most read", text);
    }

    [Fact]
    public async Task APage_IsReducedToItsMainContent()
    {
        _web.Serve("/story", WebResponse.Text(Page(FeedFixtures.StoryTwo)));

        var result = await Cli().RunAsync("ingest", _web.Url("/story").ToString());

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        await using var db = TestDb.Open(_root.Root);
        var article = await db.Articles.SingleAsync();
        Assert.Equal("Century-old boat back on the water", article.Title);
        Assert.StartsWith("A rowing club on the River Esk", article.Text);
        Assert.DoesNotContain("Most read", article.Text);
    }

    [Fact]
    public async Task ALyingCharset_FallsBackToWindows1252()
    {
        var body = Encoding.GetEncoding(1252).GetBytes($"Caf\u00e9 owners cheer\n\n{FeedFixtures.StoryOne} The caf\u00e9 is busy.");
        _web.Serve("/cafe.txt", new WebResponse(200, "text/plain; charset=utf-8", body));

        var result = await Cli().RunAsync("ingest", _web.Url("/cafe.txt").ToString());

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        await using var db = TestDb.Open(_root.Root);
        Assert.Equal("Café owners cheer", (await db.Articles.SingleAsync()).Title);
    }

    [Fact]
    public async Task HostileAndBrokenSources_EachGiveOneClearLine_AndExitOne()
    {
        _web.Serve("/loop-a", WebResponse.Redirect("/loop-b"));
        _web.Serve("/loop-b", WebResponse.Redirect("/loop-a"));
        _web.Serve("/huge", WebResponse.Text(new string('a', 10_000)));
        _web.Serve("/slow", WebResponse.Text(Page(FeedFixtures.StoryOne)) with { Delay = TimeSpan.FromSeconds(5) });
        _web.Serve("/broken", WebResponse.Text("oops", "text/plain", 503));
        _web.Serve("/malformed", WebResponse.Text(FeedFixtures.Malformed, "application/rss+xml"));
        _web.Serve("/laughs", WebResponse.Text(FeedFixtures.BillionLaughs, "application/rss+xml"));
        _web.Serve("/binary", new WebResponse(200, "application/octet-stream", [0x50, 0x4B, 3, 4, 0, 0, 0, 0, 8, 0]));
        string[] inputs = ["/loop-a", "/huge", "/slow", "/broken", "/malformed", "/laughs", "/binary"];

        var result = await Cli(("Ingestion:MaxBytes", "4096"), ("Ingestion:FetchTimeoutSeconds", "1"))
            .RunAsync(["ingest", .. inputs.Select(p => _web.Url(p).ToString()), "ftp://files.example/story.txt"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(inputs.Length + 1, result.Lines.Length);
        Assert.All(result.Lines, line => Assert.StartsWith("error ", line));
        Assert.Contains("redirect loop", result.Lines[0]);
        Assert.Contains("larger than 4,096 bytes", result.Lines[1]);
        Assert.Contains("no answer within 1 s", result.Lines[2]);
        Assert.Contains("503", result.Lines[3]);
        Assert.Contains("not well-formed XML", result.Lines[4]);
        Assert.Contains("undeclared entity 'lol4'", result.Lines[5]);
        Assert.Contains("binary", result.Lines[6]);
        Assert.Contains("only http and https", result.Lines[7]);
    }

    [Fact]
    public async Task LoopbackAddresses_AreRefused_UnlessPrivateNetworksAreAllowed()
    {
        _web.Serve("/story", WebResponse.Text(Page(FeedFixtures.StoryTwo)));
        var cli = new CliRunner(_root.Root);

        var result = await cli.RunAsync("ingest", _web.Url("/story").ToString(), "http://localhost:1/admin");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.Lines.Length);
        Assert.All(result.Lines, line => Assert.Contains("refused (Ingestion:AllowPrivateNetworks is off)", line));
        Assert.Empty(_web.Requests);
        await using var db = TestDb.Open(_root.Root);
        Assert.Equal(0, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task ALoopbackPage_IsFetchedAndStored_WhenPrivateNetworksAreAllowed()
    {
        // The same page as above, and the same defaults but for the one setting.
        _web.Serve("/story", WebResponse.Text(Page(FeedFixtures.StoryTwo)));
        var url = _web.Url("/story").ToString();
        var cli = new CliRunner(_root.Root, new Dictionary<string, string?> { ["Ingestion:AllowPrivateNetworks"] = "true" });

        var result = await cli.RunAsync("ingest", url);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal($"ok {url}: 1 new article(s)", result.Lines.Single());
        Assert.Equal(["/story"], _web.Requests.Select(r => r.Path));
        await using var db = TestDb.Open(_root.Root);
        var article = await db.Articles.SingleAsync();
        Assert.Equal((url, "Century-old boat back on the water"), (article.Url, article.Title));
        Assert.StartsWith("A rowing club on the River Esk", article.Text);
    }

    private CliRunner Cli(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Ingestion:AllowPrivateNetworks"] = "true", ["Ingestion:FetchFullText"] = "false" };
        foreach (var (key, value) in extra) settings[key] = value;
        return new CliRunner(_root.Root, settings);
    }

    /// <summary>A news page with navigation, a "most read" box, a comment prompt and a footer around the story.</summary>
    private static string Page(string story) => $"""
        <!doctype html><html><head><title>Valley News | Century-old boat back on the water</title>
        <meta property="og:title" content="Century-old boat back on the water"></head>
        <body><header><nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
        <main><article><h1>Century-old boat back on the water</h1>
        {string.Join("", story.Split(". ").Select(s => $"<p>{s.TrimEnd('.')}.</p>"))}
        </article>
        <aside><h2>Most read</h2><ul><li><a href="/a">Council tax to rise</a></li><li><a href="/b">Road closed for repairs</a></li></ul></aside>
        <p class="comments">Sign in to comment</p></main>
        <footer>© Valley News. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>
        """;

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        _root.Dispose();
    }
}
