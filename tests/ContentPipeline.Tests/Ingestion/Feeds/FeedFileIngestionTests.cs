using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Tests.Ingestion.Feeds;

[Collection(HostCollection.Name)]
public sealed class FeedFileIngestionTests
{
    [Theory]
    [InlineData(FeedFixtures.Rss20, "valley.xml", 2)]
    [InlineData(FeedFixtures.Rss091, "valley.rss", 1)]
    [InlineData(FeedFixtures.Rss10, "valley.rdf.txt", 1)]
    [InlineData(FeedFixtures.Atom10, "valley.atom", 1)]
    [InlineData(FeedFixtures.Atom03, "valley-feed.html", 1)]
    [InlineData(FeedFixtures.JsonFeed, "valley.json", 1)]
    public async Task AFeedFile_IsIngestedItemByItem_WhateverItsName(string feed, string fileName, int articles)
    {
        using var root = new TestRoot();
        var file = root.Write($"in/{fileName}", feed);

        var result = await new CliRunner(root.Root, new Dictionary<string, string?> { ["Ingestion:FetchFullText"] = "false" }).RunAsync("ingest", file);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal($"ok {file}: {articles} new article(s)", result.Lines.Single());
        await using var db = TestDb.Open(root.Root);
        var stored = await db.Articles.ToListAsync();
        Assert.Equal(articles, stored.Count);
        Assert.All(stored, a => Assert.StartsWith("https://valley.example/news/", a.Url));
    }
}
