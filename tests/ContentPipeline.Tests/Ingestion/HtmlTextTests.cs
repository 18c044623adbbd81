using ContentPipeline.Ingestion;

namespace ContentPipeline.Tests.Ingestion;

public sealed class HtmlTextTests
{
    [Fact]
    public void Extract_KeepsParagraphs_DropsChromeAndScripts_AndDecodesEntities()
    {
        var (title, text) = HtmlText.Extract("""
            <!doctype html><html><head><title>Valley News | Boat back</title><meta property="og:title" content="Boat back &amp; racing">
            <style>p { color: red }</style></head>
            <body><header><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav></header><!-- ad slot -->
            <article><h1>Boat back &amp; racing</h1><p>A rowing club <em>restored</em> a boat&nbsp;built in 1921.</p>
            <p>It races   again<br>in June.</p><script>document.write('<p>tracking</p>')</script>
            <table><tr><th>Crew</th><td>8</td></tr></table><ul><li>Oars</li><li>Ribs</li></ul></article>
            <aside><h2>Most read</h2></aside><form><label>Email</label></form><footer>(c) Valley</footer></body></html>
            """);

        Assert.Equal("Boat back & racing", title);
        Assert.Equal("A rowing club restored a boat built in 1921.\nIt races again\nin June.\nCrew 8\nOars\nRibs", text);
    }

    [Fact]
    public void Extract_KeepsWordsTogetherAcrossInlineTags_AndTextThatOnlyLooksLikeMarkup()
    {
        Assert.Equal("Open daily.", HtmlText.Extract("<p>Open <b>daily</b>.</p>").Text);
        Assert.Equal("a < b and c > d", HtmlText.Extract("a < b and c > d").Text);
        Assert.Equal("Tom & Jerry", HtmlText.Extract("Tom &amp; Jerry").Text);
    }

    [Fact]
    public void Extract_ReadsDeepAndWideMarkup()
    {
        var deep = string.Concat(Enumerable.Repeat("<div>", 2_000)) + "deep";
        var wide = "<table><tr>" + string.Concat(Enumerable.Repeat("<td>x", 20_000)) + "</table>";

        Assert.Equal("deep", HtmlText.Extract(deep).Text);
        Assert.Equal(string.Join(' ', Enumerable.Repeat("x", 20_000)), HtmlText.Extract(wide).Text);
    }

    [Fact]
    public void MainPart_IsTheFirstArticle_ElseMain_ElseNull()
    {
        Assert.Equal("<p>One</p>", HtmlText.MainPart("<main><article><p>One</p></article><article>Two</article></main>"));
        Assert.Equal("<p>Main</p>", HtmlText.MainPart("<nav>x</nav><main><p>Main</p></main>"));
        Assert.Null(HtmlText.MainPart("<div><p>Neither</p></div>"));
    }
}
