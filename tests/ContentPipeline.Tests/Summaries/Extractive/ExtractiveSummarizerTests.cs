using ContentPipeline.Ingestion;
using ContentPipeline.Summaries.Extractive;

namespace ContentPipeline.Tests.Summaries.Extractive;

public sealed class ExtractiveSummarizerTests
{
    private static readonly string Ferry = ArticleCleaner.Clean(ArticleFixtures.Read("scraped-ferry-strike.txt"));
    private static readonly (string Title, string Body) Budget = ArticleFixtures.ReadTitled("council-budget.txt");

    public static TheoryData<string, int> Articles => new()
    {
        { "scraped-ferry-strike.txt", 1 }, { "scraped-ferry-strike.txt", 3 }, { "scraped-ferry-strike.txt", 20 },
        { "council-budget.txt", 2 }, { "council-budget.txt", 4 }, { "library-robot.txt", 3 },
    };

    [Theory]
    [MemberData(nameof(Articles))]
    public void Summarize_ReturnsOnlySentencesOfTheCleanedSource_InArticleOrder(string fixture, int count)
    {
        var cleaned = ArticleCleaner.Clean(ArticleFixtures.Read(fixture));
        var source = SentenceSplitter.Split(cleaned).ToList();
        Assert.NotEmpty(source);

        var summary = ExtractiveSummarizer.Summarize(cleaned, null, SummaryLength.FromSentences(count));

        Assert.Equal(Math.Min(count, source.Count), summary.Sentences.Count);
        var positions = summary.Sentences.Select(s => source.IndexOf(s)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Summarize_StaysWithinWordBudget()
    {
        var summary = ExtractiveSummarizer.Summarize(Budget.Body, Budget.Title, SummaryLength.FromWords(60));

        var words = summary.Sentences.Sum(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.InRange(words, 20, 60);
        Assert.True(summary.Sentences.Count >= 2, "a 60-word budget fits at least two of these sentences");
    }

    [Fact]
    public void Summarize_IsDeterministic()
    {
        var first = ExtractiveSummarizer.Summarize(Ferry, null, SummaryLength.FromSentences(3));
        var second = ExtractiveSummarizer.Summarize(Ferry, null, SummaryLength.FromSentences(3));

        Assert.Equal(first.Sentences, second.Sentences);
        Assert.Equal(first.KeyPoints, second.KeyPoints);
        Assert.Equal(first.Topics, second.Topics);
        Assert.Equal(first.Headline, second.Headline);
    }

    [Fact]
    public void Summarize_PicksTheGistOverDetail()
    {
        var summary = ExtractiveSummarizer.Summarize(Budget.Body, Budget.Title, SummaryLength.FromSentences(2));

        Assert.Contains(summary.Sentences, s => s.StartsWith("Riverton City Council has approved a £1.2bn budget", StringComparison.Ordinal));
        Assert.DoesNotContain("The new rates take effect in April.", summary.Sentences);
    }

    [Fact]
    public void Summarize_DoesNotRepeatItself_WhenTheArticleDoes()
    {
        var text = string.Join('\n',
            "The city's main bridge will close for repairs for six weeks from Monday, the council said.",
            "The main bridge in the city will close for six weeks of repairs from Monday, the council confirmed.",
            "Buses will be diverted through the old town, adding about ten minutes to most journeys.",
            "Cyclists and pedestrians will still be able to cross using a temporary walkway.");

        var summary = ExtractiveSummarizer.Summarize(text, null, SummaryLength.FromSentences(2));

        Assert.Single(summary.Sentences, s => s.Contains("bridge", StringComparison.Ordinal));
    }

    [Fact]
    public void Summarize_UsesTheTitleAsHeadline_WhenGiven() =>
        Assert.Equal(Budget.Title, ExtractiveSummarizer.Summarize(Budget.Body, "  " + Budget.Title + " ", SummaryLength.FromSentences(3)).Headline);

    [Fact]
    public void Summarize_MakesAShortHeadlineFromTheArticle_WhenThereIsNoTitle()
    {
        var headline = ExtractiveSummarizer.Summarize(Ferry, null, SummaryLength.FromSentences(3)).Headline;

        Assert.Equal("Ferry crews at the port of Kellmouth walked out on Tuesday", headline);
        Assert.InRange(headline.Length, 20, 90);
    }

    [Fact]
    public void Summarize_GivesThreeToFiveShortKeyPointsTakenFromTheArticle()
    {
        var keyPoints = ExtractiveSummarizer.Summarize(Ferry, null, SummaryLength.FromSentences(3)).KeyPoints;

        Assert.InRange(keyPoints.Count, 3, 5);
        Assert.All(keyPoints, p => Assert.Contains(p, Ferry));
        Assert.All(keyPoints, p => Assert.InRange(p.Length, 15, 140));
        Assert.Equal(keyPoints.Count, keyPoints.Distinct().Count());
    }

    [Fact]
    public void Summarize_FindsTopicsFavouringNames()
    {
        var topics = ExtractiveSummarizer.Summarize(Budget.Body, Budget.Title, SummaryLength.FromSentences(3)).Topics;

        Assert.InRange(topics.Count, 3, 6);
        Assert.Contains("budget", topics);
        Assert.Contains(topics, t => t.Contains("Riverton", StringComparison.Ordinal));
        Assert.Equal(topics.Count, topics.Select(t => t.ToLowerInvariant()).Distinct().Count());
        Assert.DoesNotContain(topics, t => t is "the" or "said" or "would");
    }

    [Fact]
    public void Summarize_ReturnsEmptySummary_ForEmptyText()
    {
        var summary = ExtractiveSummarizer.Summarize("", null, SummaryLength.FromSentences(3));

        Assert.Empty(summary.Sentences);
        Assert.Empty(summary.KeyPoints);
    }
}
