using ContentPipeline.Ingestion;
using ContentPipeline.Ingestion.Feeds;

namespace ContentPipeline.Tests.Ingestion.Feeds;

public sealed class FeedParserTests
{
    private static readonly Uri Source = new("https://valley.example/feed");

    [Theory]
    [InlineData(FeedFixtures.Rss20, "RSS 2.0")]
    [InlineData(FeedFixtures.Rss091, "RSS 0.91")]
    [InlineData(FeedFixtures.Rss10, "RSS 1.0")]
    [InlineData(FeedFixtures.Atom10, "Atom 1.0")]
    [InlineData(FeedFixtures.Atom03, "Atom 0.3")]
    [InlineData(FeedFixtures.JsonFeed, "JSON Feed")]
    public void Parse_RecognisesEachFormatByContent_AndReadsItsItems(string document, string format)
    {
        Assert.True(FeedParser.LooksLikeFeed(document));

        var feed = FeedParser.Parse(document, Source);

        Assert.Equal(format, feed.Format);
        Assert.Equal("Valley News", feed.Title);
        Assert.NotEmpty(feed.Items);
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
    [InlineData(FeedFixtures.BillionLaughs)]
    [InlineData(FeedFixtures.ExternalEntity)]
    public void Parse_ExpandsNoEntities_FromAHostileDtd(string document)
    {
        var exception = Record.Exception(() => FeedParser.Parse(document, Source));

        // Either refused outright, or read with the entities left unexpanded: never the expansion or the file.
        if (exception is null)
            Assert.All(FeedParser.Parse(document, Source).Items, i => Assert.DoesNotContain("lollol", (i.Html ?? "") + i.Title));
        else
            Assert.IsType<IngestException>(exception);
        Assert.DoesNotContain("root:", exception?.Message ?? "");
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
