using ContentPipeline.Ingestion;

namespace ContentPipeline.Tests.Ingestion;

public sealed class MarkdownTextTests
{
    [Fact]
    public void FromMarkdown_TakesTheLeadingHeadingAsTitle_AndKeepsParagraphsApartByBlankLines()
    {
        var (title, text) = PlainText.FromMarkdown("""

            # Market **wins** award

            The harbour market won an *award* for [reducing waste](https://example.org/w "Waste") this week.
            ![The market at dawn](dawn.jpg)It sells food &amp; flowers.

            ## Who runs it

            - the *council*
            - __volunteers__

            > "We are proud," said the mayor.

            <div class="note"><p>Open daily.</p><script>track()</script></div>

            Use `market-card` to pay.
            """);

        Assert.Equal("Market wins award", title);
        Assert.Equal(
            "The harbour market won an award for reducing waste this week.\nIt sells food & flowers.\n\n" +
            "Who runs it\n\nthe council\nvolunteers\n\n\"We are proud,\" said the mayor.\n\nOpen daily.\n\nUse market-card to pay.",
            text);
    }

    [Fact]
    public void FromMarkdown_WithoutALeadingTitle_KeepsEveryHeadingAsText()
    {
        var (title, text) = PlainText.FromMarkdown("Intro line.\n\n# Later heading\n\nBody.\n");

        Assert.Null(title);
        Assert.Equal("Intro line.\n\nLater heading\n\nBody.", text);
    }
}
