using System.Net;
using ContentPipeline.Tests.TestSupport;

namespace ContentPipeline.Tests.Admin;

[Collection(HostCollection.Name)]
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task SignInAttempts_BeyondTheLimitPerAddress_Get429_EvenWithTheRightPassword()
    {
        using var root = new TestRoot();
        await using var host = await WebHost.StartAsync(root.Root, "Production",
            AdminSignIn.Settings(new Dictionary<string, string?> { ["Admin:SignInAttemptsPerMinute"] = "3" }));

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await AdminSignIn.PostAsync(host.Http, AdminSignIn.Email, "guess " + i)).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await AdminSignIn.PostAsync(host.Http, AdminSignIn.Email, AdminSignIn.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/admin/signin")).StatusCode);
    }
}
