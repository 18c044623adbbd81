using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContentPipeline.Tests.EndToEnd;
using ContentPipeline.Tests.TestSupport;

namespace ContentPipeline.Tests.Admin;

[Collection(HostCollection.Name)]
public sealed class AdminApiTests : IAsyncLifetime
{
    private readonly TestRoot _root = new();
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(_root.Root, "Production", AdminSignIn.Settings());

    [Fact]
    public async Task TheApi_Answers401_WithoutTheAdminCookie()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Http.PostAsJsonAsync("/api/articles", new { text = Fixtures.SecondArticle })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Http.GetAsync("/api/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Http.DeleteAsync("/api/sources/1")).StatusCode);
    }

    [Fact]
    public async Task PostArticles_StoresAnArticleOnce_FromTextOrHtml()
    {
        await AdminSignIn.SignInAsync(_host.Http);

        var created = await _host.Http.PostAsJsonAsync("/api/articles", new { title = "Market award", url = "https://example.org/market", text = Fixtures.SecondArticle });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var again = await _host.Http.PostAsJsonAsync("/api/articles", new { text = Fixtures.SecondArticle });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var html = await _host.Http.PostAsJsonAsync("/api/articles", new { html = $"<html><head><title>Bridge</title></head><body><article><p>{Fixtures.FurnishedArticle}</p></article></body></html>" });
        Assert.Equal(HttpStatusCode.Created, html.StatusCode);

        var neither = await _host.Http.PostAsJsonAsync("/api/articles", new { title = "empty" });
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
        Assert.Contains("either text or html", await neither.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sources_AreAddedListedAndRemoved()
    {
        await AdminSignIn.SignInAsync(_host.Http);

        var added = await _host.Http.PostAsJsonAsync("/api/sources", new { url = "https://example.org/feed.xml" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Http.PostAsJsonAsync("/api/sources", new { url = "ftp://example.org/" })).StatusCode);

        var list = await _host.Http.GetFromJsonAsync<JsonElement>("/api/sources");
        Assert.Equal("https://example.org/feed.xml", list[0].GetProperty("url").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await _host.Http.DeleteAsync($"/api/sources/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Http.DeleteAsync($"/api/sources/{id}")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _root.Dispose();
    }
}
