using System.Net;
using System.Net.Http.Headers;
using ContentPipeline.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Tests.Admin;

[Collection(HostCollection.Name)]
public sealed class SignInTests : IAsyncLifetime
{
    private readonly TestRoot _root = new();
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(_root.Root, "Production", AdminSignIn.Settings());

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/issues")]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/recurring")]
    public async Task AnonymousBrowsers_AreSentToSignIn_EvenFromLoopback(string path)
    {
        var response = await _host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/signin", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/api/sources")]
    [InlineData("/hangfire/stats")]
    [InlineData("/admin/issues")]
    public async Task AnonymousApiClients_Get401(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ASignedInAdmin_SeesEveryAdminPageAndTheDashboard()
    {
        await AdminSignIn.SignInAsync(_host.Http);

        foreach (var page in new[] { "/admin/issues", "/admin/articles", "/admin/subscribers?q=x", "/admin/sources", "/admin/subscribers.csv" })
            Assert.Equal(HttpStatusCode.OK, (await _host.Http.GetAsync(page)).StatusCode);
        var recurring = await _host.Http.GetAsync("/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, recurring.StatusCode);
        Assert.Contains("daily-digest", await recurring.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AWrongPassword_IsRefusedWithOneMessage()
    {
        var response = await AdminSignIn.PostAsync(_host.Http, AdminSignIn.Email, "not the password at all");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("The address or the password is wrong.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await _host.Http.GetAsync("/admin/issues")).StatusCode);
    }

    [Fact]
    public async Task ASignInWithoutTheAntiForgeryToken_IsRejected()
    {
        var response = await _host.Http.PostAsync("/admin/signin", new FormUrlEncodedContent(
            [new("email", AdminSignIn.Email), new("password", AdminSignIn.Password)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TheConfiguredPassword_IsStoredOnlyAsAnIdentityHash()
    {
        await using var db = TestDb.Open(_root.Root);
        var admin = await db.AdminUsers.SingleAsync();

        Assert.Equal(AdminSignIn.Email, admin.Email);
        Assert.DoesNotContain(AdminSignIn.Password, admin.PasswordHash);
        Assert.NotEqual(PasswordVerificationResult.Failed,
            new PasswordHasher<ContentPipeline.Data.AdminUser>().VerifyHashedPassword(admin, admin.PasswordHash, AdminSignIn.Password));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _root.Dispose();
    }
}
