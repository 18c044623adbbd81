using ContentPipeline.Summaries.Extractive;

namespace ContentPipeline.Tests.Summaries.Extractive;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("Mr. Smith met Dr. Jones at St. Mary's church on Friday. They spoke for an hour.")]
    [InlineData("Prof. Ali and Gov. Reyes, Sen. Park and Rep. Cole signed it, i.e. the whole panel. It passed.")]
    [InlineData("Acme Corp. shares, Beta Ltd. bonds and Gamma Co. loans fell vs. the dollar. Markets shrugged.")]
    [InlineData("The author J. K. Rowling visited the school. Pupils asked about her books.")]
    [InlineData("Profits rose 2.5% to £1.5bn, or $3.36bn. Revenue was flat.")]
    [InlineData("Officials from the U.S. Treasury and the U.N. met at 9 a.m. on Monday. No deal was reached.")]
    [InlineData("Fuel, e.g. diesel, costs more. Wages have not kept up.")]
    public void Split_KeepsAbbreviationsInitialsAndNumbersTogether(string text)
    {
        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(2, sentences.Count);
        Assert.Equal(text, string.Join(' ', sentences));
    }

    [Fact]
    public void Split_EndsSentenceInsideClosingCurlyQuote()
    {
        var sentences = SentenceSplitter.Split("“We won the vote.” The crowd outside cheered.");

        Assert.Equal(["“We won the vote.”", "The crowd outside cheered."], sentences);
    }

    [Fact]
    public void Split_EndsSentenceInsideClosingStraightQuote()
    {
        var sentences = SentenceSplitter.Split("She said: \"It is over.\" Then she left.");

        Assert.Equal(["She said: \"It is over.\"", "Then she left."], sentences);
    }

    [Fact]
    public void Split_KeepsQuoteTogether_WhenSpeakerFollows()
    {
        var sentences = SentenceSplitter.Split("\"Go home!\" he shouted at the crowd. Nobody moved.");

        Assert.Equal(["\"Go home!\" he shouted at the crowd.", "Nobody moved."], sentences);
    }

    [Fact]
    public void Split_SplitsRunTogetherSentences_WhenSpaceIsMissing()
    {
        var sentences = SentenceSplitter.Split("Sales rose to $10.9bn.For the full-year, profit was up.\"We are pleased,\" he said.It grew in the UK.Costs fell.");

        Assert.Equal(["Sales rose to $10.9bn.", "For the full-year, profit was up.", "\"We are pleased,\" he said.", "It grew in the UK.", "Costs fell."], sentences);
    }

    [Theory]
    [InlineData("The U.S.A team won gold.")]
    [InlineData("Prices, e.g.fuel, rose.")]
    [InlineData("The site runs on ASP.NET and costs $3.5m.")]
    public void Split_KeepsDottedForms_WhenSpaceIsMissing(string text) =>
        Assert.Equal([text], SentenceSplitter.Split(text));

    [Theory]
    [InlineData("He joined Acme Inc. The firm grew fast.", 2)]
    [InlineData("She moved to the U.S. The move was a surprise.", 2)]
    [InlineData("Acme Inc. shares rose sharply.", 1)]
    [InlineData("Members of the U.S. Senate voted on Monday.", 1)]
    public void Split_DecidesSuffixesByTheNextWord(string text, int expected) =>
        Assert.Equal(expected, SentenceSplitter.Split(text).Count);

    [Fact]
    public void Split_HandlesEllipses()
    {
        var sentences = SentenceSplitter.Split("He waited... and waited. It was over… The crowd left.");

        Assert.Equal(["He waited... and waited.", "It was over…", "The crowd left."], sentences);
    }

    [Fact]
    public void Split_SplitsQuestionsAndExclamations()
    {
        var sentences = SentenceSplitter.Split("Will it rain? Nobody knows! Forecasters are unsure.");

        Assert.Equal(3, sentences.Count);
    }

    [Fact]
    public void Split_TreatsEachLineAsAParagraph()
    {
        var sentences = SentenceSplitter.Split("What happens next\nTalks resume on Thursday.\r\n\nNo date is set.");

        Assert.Equal(["What happens next", "Talks resume on Thursday.", "No date is set."], sentences);
    }
}
