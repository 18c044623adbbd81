using ContentPipeline.Delivery;
using System.Text.RegularExpressions;
using ContentPipeline.Data;
using ContentPipeline.Subscribers;
using ContentPipeline.Tests.Admin;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContentPipeline.Tests.Subscribers;

[Collection(HostCollection.Name)]
public sealed class DoubleOptInTests : IAsyncLifetime
{
    private readonly TestRoot _root = new();
    private readonly SmtpTestServer _smtp = new();
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(_root.Root, "Production", _smtp.Settings(new Dictionary<string, string?>
    {
        ["Subscribers:DoubleOptIn"] = "true",
        ["Newsletter:PublicBaseUrl"] = "https://news.example.org",
    }));

    [Fact]
    public async Task ASignUp_StaysPendingUntilTheMailedLinkIsConfirmedByPost()
    {
        var signUp = await AdminSignIn.PostFormAsync(_host.Http, "/subscribe", "/subscribe", ("email", "Ida@Example.org"), ("name", "Ida"));
        Assert.True(signUp.IsSuccessStatusCode);
        Assert.Equal(SubscriberStatus.Pending, await StatusAsync());

        var mail = await _smtp.WaitForMessageAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(["Ida@Example.org"], mail.To);
        var path = new Uri(Regex.Match(mail.Message.TextBody!, @"https://news\.example\.org/confirm/\S+").Value).AbsolutePath;

        var page = await _host.Http.GetAsync(path);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync());
        Assert.Equal(SubscriberStatus.Pending, await StatusAsync());

        var confirm = await _host.Http.PostAsync(path, null);
        Assert.True(confirm.IsSuccessStatusCode);
        Assert.Equal(SubscriberStatus.Active, await StatusAsync());
    }

    [Fact]
    public async Task AnExpiredOrUnsubscribeToken_DoesNotConfirm()
    {
        await AdminSignIn.PostFormAsync(_host.Http, "/subscribe", "/subscribe", ("email", "ida@example.org"));
        var id = await IdAsync();
        var expired = _host.Services.GetRequiredService<ConfirmationTokens>().Create(id, DateTimeOffset.UtcNow.AddMinutes(-1));
        var unsubscribe = _host.Services.GetRequiredService<UnsubscribeTokens>().Create(id);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await _host.Http.PostAsync($"/confirm/{expired}", null)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await _host.Http.PostAsync($"/confirm/{unsubscribe}", null)).StatusCode);
        Assert.Equal(SubscriberStatus.Pending, await StatusAsync());
    }

    [Fact]
    public async Task TheSignUpForm_RefusesAPostWithoutItsAntiForgeryToken_AndABotFillingTheHoneypotAddsNobody()
    {
        var forged = await _host.Http.PostAsync("/subscribe", new FormUrlEncodedContent([new("email", "ida@example.org")]));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);

        var bot = await AdminSignIn.PostFormAsync(_host.Http, "/subscribe", "/subscribe", ("email", "bot@example.org"), ("website", "http://spam.example"));
        Assert.True(bot.IsSuccessStatusCode);

        var invalid = await AdminSignIn.PostFormAsync(_host.Http, "/subscribe", "/subscribe", ("email", "not an address"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("is not a valid address", await invalid.Content.ReadAsStringAsync());

        await using var db = TestDb.Open(_root.Root);
        Assert.Equal(0, await db.Subscribers.CountAsync());
    }

    private async Task<SubscriberStatus> StatusAsync()
    {
        await using var db = TestDb.Open(_root.Root);
        return (await db.Subscribers.SingleAsync()).Status;
    }

    private async Task<long> IdAsync()
    {
        await using var db = TestDb.Open(_root.Root);
        return (await db.Subscribers.SingleAsync()).Id;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
        _root.Dispose();
    }
}
