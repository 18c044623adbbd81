using ContentPipeline.Ingestion;
using ContentPipeline.Summaries.Extractive;

namespace ContentPipeline.Tests.Summaries.Extractive;

public sealed class ArticleCleanerTests
{
    private static readonly string[] Cleaned = ArticleCleaner.Clean(ArticleFixtures.Read("scraped-ferry-strike.txt")).Split('\n');

    [Theory]
    [InlineData("By Harriet Quayle, Transport correspondent")]
    [InlineData("Published 3 hours ago")]
    [InlineData("Updated 12:04 GMT")]
    [InlineData("Image: Getty")]
    [InlineData("Advertisement")]
    [InlineData("Continue reading:")]
    [InlineData("Why ferry fares keep rising")]
    [InlineData("Kellmouth harbour plan wins backing from ministers")]
    [InlineData("Transport – Latest: Rail fares to rise again in spring, operators confirm")]
    [InlineData("Subscribe to our Morning Briefing newsletter, delivered to your inbox every weekday")]
    [InlineData("Share this article on Facebook or WhatsApp")]
    [InlineData("We use cookies to improve your experience on our site. Accept all cookies")]
    public void Clean_RemovesPageFurniture(string furniture)
    {
        Assert.StartsWith("Ferry crews at the port of Kellmouth", Cleaned[0]); // the story itself is still there
        Assert.DoesNotContain(furniture, Cleaned);
    }

    [Fact]
    public void Clean_RemovesInlinePhotoCredit_AndKeepsTheSentence()
    {
        Assert.Contains("Some passengers slept in their cars overnight while others were offered hotel rooms by the company.", Cleaned);
        Assert.DoesNotContain(Cleaned, line => line.Contains("Getty", StringComparison.Ordinal));
    }

    [Fact]
    public void Clean_KeepsQuotationsIntact() =>
        Assert.Contains("“We did not want to do this, but the company left us no choice,” said Dr. Ana Ferreira, the union’s regional organiser. “Our members have waited two years for a fair deal.”", Cleaned);

    [Fact]
    public void Clean_KeepsStoryParagraphs_IncludingShortOnesWithoutFullStop()
    {
        Assert.Equal(9, Cleaned.Length);
        Assert.StartsWith("Ferry crews at the port of Kellmouth", Cleaned[0]);
        Assert.Contains("What happens next", Cleaned);
        Assert.StartsWith("If no agreement is reached", Cleaned[^1]);
    }

    [Theory]
    [InlineData("Subscribers to the streaming service fell by 3% in the spring.")]
    [InlineData("By 2030 the plant will have closed for good.")]
    [InlineData("The bakery said it sold 10,000 cookies in a single weekend.")]
    [InlineData("Published in 1962, the novel has never been out of print.")]
    [InlineData("Follow-up talks are planned for next month.")]
    [InlineData("Image rights have become a big issue for footballers, the lawyer said.")]
    public void Clean_KeepsStoryLinesThatOnlyResembleFurniture(string line) =>
        Assert.Equal(line, ArticleCleaner.Clean(line));

    [Fact]
    public void Clean_PutsOneTrimmedParagraphOnEachLine()
    {
        var cleaned = ArticleCleaner.Clean("  First paragraph here.  \r\n\r\n\tSecond   paragraph here. \n");

        Assert.Equal("First paragraph here.\nSecond paragraph here.", cleaned);
    }

    [Fact]
    public void Clean_EndsRelatedList_AtTheFirstRealParagraph()
    {
        var cleaned = ArticleCleaner.Clean("Read more:\nPound slides against the euro\nThe bank held rates at 4.5%.");

        Assert.Equal("The bank held rates at 4.5%.", cleaned);
    }
}
