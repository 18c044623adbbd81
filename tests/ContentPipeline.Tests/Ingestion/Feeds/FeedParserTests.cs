using ContentPipeline.Ingestion;
using ContentPipeline.Ingestion.Feeds;

namespace ContentPipeline.Tests.Ingestion.Feeds;

public sealed class FeedParserTests
{
    private static readonly Uri Source = new("https://valley.example/feed");

    [Theory]
    [InlineData(FeedFixtures.Rss20, "RSS 2.0", 2)]
    [InlineData(FeedFixtures.Rss091, "RSS 0.91", 1)]
    [InlineData(FeedFixtures.Rss10, "RSS 1.0", 1)]
    [InlineData(FeedFixtures.Atom10, "Atom 1.0", 1)]
    [InlineData(FeedFixtures.Atom03, "Atom 0.3", 1)]
    [InlineData(FeedFixtures.JsonFeed, "JSON Feed", 1)]
    public void Parse_RecognisesEachFormatByContent_AndReadsItsItems(string document, string format, int items)
    {
        Assert.True(FeedParser.LooksLikeFeed(document));

        var feed = FeedParser.Parse(document, Source);

        Assert.Equal(format, feed.Format);
        Assert.Equal("Valley News", feed.Title);
        Assert.Equal(items, feed.Items.Count);
        Assert.All(feed.Items, item =>
        {
            Assert.StartsWith("https://valley.example/news/", item.Link);
            Assert.True(item.Html is not null || item.Text is not null);
            Assert.NotNull(item.Title);
        });
    }

    [Fact]
    public void Parse_ResolvesRelativeLinks_AndPrefersFullContentOverTheTeaser()
    {
        var item = FeedParser.Parse(FeedFixtures.Rss20, Source).Items[0];

        Assert.Equal("https://valley.example/news/tool-library?utm_source=rss&id=7", item.Link);
        Assert.Contains("lending library for tools", item.Html);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 9, 30, 0, TimeSpan.Zero), item.Published);
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 13, 5, 0, TimeSpan.Zero), FeedParser.Parse(FeedFixtures.Rss20, Source).Items[1].Published);
    }

    [Fact]
    public void Parse_ResolvesAtomLinksAgainstXmlBase()
    {
        Assert.Equal("https://valley.example/news/rowing-boat", FeedParser.Parse(FeedFixtures.Atom10, null).Items[0].Link);
    }

    [Theory]
    [InlineData(FeedFixtures.Malformed, "not well-formed XML")]
    [InlineData(FeedFixtures.HtmlServedAsFeed, "HTML page, not a feed")]
    [InlineData("""{"version":"https://jsonfeed.org/version/1","items":[""", "not valid JSON")]
    public void Parse_RefusesBrokenDocuments_SayingWhy(string document, string reason)
    {
        var error = Assert.Throws<IngestException>(() => FeedParser.Parse(document, Source));

        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData(FeedFixtures.BillionLaughs, "lol4")]
    [InlineData(FeedFixtures.ExternalEntity, "secret")]
    public void Parse_RefusesAFeedWithAHostileDtd_NamingTheEntity_WithoutExpandingIt(string document, string entity)
    {
        var error = Assert.Throws<IngestException>(() => FeedParser.Parse(document, Source));

        // The DTD is ignored, so its entities are never declared: the first reference to one makes the document
        // malformed. The reason names that entity and carries neither its expansion nor the file it points at.
        Assert.Contains("not well-formed XML", error.Message);
        Assert.Contains($"'{entity}'", error.Message);
        Assert.DoesNotContain("lollol", error.Message);
        Assert.DoesNotContain("root:", error.Message);
    }

    [Theory]
    [InlineData("Tue, 03 Nov 2026 09:30:00 GMT", "2026-11-03T09:30:00Z")]
    [InlineData("3 Nov 2026 09:30 EST", "2026-11-03T14:30:00Z")]
    [InlineData("Tuesday, 3 Nov 26 09:30:00 +0100", "2026-11-03T08:30:00Z")]
    [InlineData("2026-11-03T09:30:00.123+02:00", "2026-11-03T07:30:00.123Z")]
    [InlineData("2026-11-03", "2026-11-03T00:00:00Z")]
    public void LenientDates_ReadRfc822VariantsAndIso8601(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected), LenientDates.Parse(text));
    }

    [Fact]
    public void LenientDates_ReturnNull_ForNonsense()
    {
        Assert.Null(LenientDates.Parse("sometime last week"));
    }
}
