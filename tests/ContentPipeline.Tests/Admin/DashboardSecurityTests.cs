using System.Net;
using ContentPipeline.Tests.TestSupport;

namespace ContentPipeline.Tests.Admin;

[Collection(HostCollection.Name)]
public sealed class DashboardSecurityTests
{
    [Fact]
    public async Task Dashboard_RefusesAnonymousLocalRequests_OutsideDevelopment()
    {
        using var root = new TestRoot();
        await using var host = await WebHost.StartAsync(root.Root, "Production", new Dictionary<string, string?>());

        var response = await host.Http.GetAsync("/hangfire");

        // A browser is sent to the admin sign-in page; nothing of the dashboard is served.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/signin", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Dashboard_ShowsTheRecurringDigest_ToLocalRequestsInDevelopment()
    {
        using var root = new TestRoot();
        await using var host = await WebHost.StartAsync(root.Root, "Development", new Dictionary<string, string?>());

        var response = await host.Http.GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("daily-digest", await response.Content.ReadAsStringAsync());
    }
}
