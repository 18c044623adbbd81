using System.Net;
using System.Text.Json;
using ContentPipeline.Tests.TestSupport;

namespace ContentPipeline.Tests.Health;

[Collection(HostCollection.Name)]
public sealed class HealthzTests
{
    [Fact]
    public async Task Healthz_Is200_WhenTheDatabaseJobsAndSmtpServerAnswer()
    {
        using var root = new TestRoot();
        await using var smtp = new SmtpTestServer();
        await using var host = await WebHost.StartAsync(root.Root, "Production", smtp.Settings(QuickSmtpCheck));

        var (status, body) = await GetAsync(host);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        foreach (var check in new[] { "database", "jobs", "smtp" })
            Assert.Equal("healthy", body.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Healthz_Is503_NamingSmtp_WhenTheSmtpServerDoesNotAnswer()
    {
        using var root = new TestRoot();
        await using var host = await WebHost.StartAsync(root.Root, "Production", SmtpSettings.For(SmtpTestServer.FreePort(), QuickSmtpCheck));

        var (status, body) = await GetAsync(host);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", body.GetProperty("checks").GetProperty("smtp").GetProperty("status").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    /// <summary>The check gives up on a server that does not answer after 2 s.</summary>
    private static readonly Dictionary<string, string?> QuickSmtpCheck = new() { ["Health:SmtpTimeoutSeconds"] = "2" };

    private static async Task<(HttpStatusCode, JsonElement)> GetAsync(WebHost host)
    {
        // The job server announces itself just after start.
        HttpResponseMessage response = null!;
        for (var i = 0; i < 20; i++)
        {
            response = await host.Http.GetAsync("/healthz");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if (body.GetProperty("checks").GetProperty("jobs").GetProperty("status").GetString() == "healthy") return (response.StatusCode, body);
            await Task.Delay(100);
        }
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }
}
