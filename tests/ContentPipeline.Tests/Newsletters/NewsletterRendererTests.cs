using ContentPipeline.Issues;
using ContentPipeline.Tests.Delivery;

namespace ContentPipeline.Tests.Newsletters;

public sealed class NewsletterRendererTests
{
    [Fact]
    public void TheSubject_NamesTheFirstStory_AndHowManyMoreThereAre()
    {
        var (_, renderer) = MessageFactoryTests.Create();

        Assert.Equal("Morning Post", renderer.View(1, new DateTime(2026, 12, 1), []).Subject);
        Assert.Equal("Morning Post: Rates cut", renderer.View(1, new DateTime(2026, 12, 1), [Story("Rates cut")]).Subject);
        Assert.Equal("Morning Post: Rates cut and 2 more",
            renderer.View(1, new DateTime(2026, 12, 1), [Story("Rates cut"), Story("Ferries back"), Story("Library opens")]).Subject);
        Assert.Equal("Morning Post: Rates cut again", renderer.View(1, new DateTime(2026, 12, 1), [Story("Rates\r\ncut\tagain")]).Subject);
    }

    [Fact]
    public void TheHtml_EncodesWhatAModelWrote_AndKeepsOnlyHttpLinks()
    {
        var (_, renderer) = MessageFactoryTests.Create();
        var view = renderer.View(7, new DateTime(2026, 12, 1),
        [
            Story("<img src=x onerror=alert(1)> Rates") with { Url = "javascript:alert(1)" },
            Story("Ferries back") with { Url = "https://example.org/ferries" },
        ]);

        var html = renderer.Html(view);
        var text = renderer.Text(view);

        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; Rates", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("https://example.org/ferries", html);
        Assert.Contains("Ferries back", text);
        Assert.Contains("https://example.org/ferries", text);
        Assert.Contains("1 December 2026", text);
    }

    [Fact]
    public void AReadyEpisode_IsLinkedAsListenWithItsLength_InHtmlAndText_AndNoEpisodeLinksNothing()
    {
        var (_, renderer) = MessageFactoryTests.Create();
        var with = renderer.View(7, new DateTime(2026, 12, 1), [Story("Ferries back")], episodeSeconds: 291.6);
        var without = renderer.View(7, new DateTime(2026, 12, 1), [Story("Ferries back")]);

        Assert.Equal(with.WebUrl + "#podcast-episode", with.Listen?.Url);
        Assert.True(renderer.Html(with).Contains($"<a href=\"{with.Listen!.Url}\">Listen: 4 min 52 s</a>", StringComparison.Ordinal), renderer.Html(with));
        Assert.Contains($"Listen: 4 min 52 s, {with.Listen.Url}", renderer.Text(with));
        Assert.DoesNotContain("Listen:", renderer.Html(without));
        Assert.DoesNotContain("Listen:", renderer.Text(without));
    }

    private static Story Story(string headline) => MessageFactoryTests.Story(headline);
}
