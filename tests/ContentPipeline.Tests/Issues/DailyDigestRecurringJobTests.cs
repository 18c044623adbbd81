using ContentPipeline.Issues;
using ContentPipeline.Data;
using ContentPipeline.Jobs;
using ContentPipeline.Tests.EndToEnd;
using ContentPipeline.Tests.TestSupport;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContentPipeline.Tests.Issues;

[Collection(HostCollection.Name)]
public sealed class DailyDigestRecurringJobTests : IAsyncLifetime
{
    private readonly TestRoot _root = new();
    private readonly SmtpTestServer _smtp = new();
    private WebHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = _smtp.Settings(new Dictionary<string, string?>
        {
            ["Digest:Schedule"] = "30 6 * * 1-5",
            ["Digest:TimeZone"] = "Europe/London",
        });
        var cli = new CliRunner(_root.Root, settings);
        Assert.Equal(0, (await cli.RunAsync("ingest", _root.Write("in/bridge.txt", Fixtures.FurnishedArticle))).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("subscribers", "add", "cy@example.org")).ExitCode);
        _host = await WebHost.StartAsync(_root.Root, "Development", settings);
    }

    [Fact]
    public void Serve_RegistersDailyDigest_WithConfiguredCronAndTimeZone()
    {
        using var connection = _host.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == DailyDigestJob.RecurringId);

        Assert.Equal("30 6 * * 1-5", job.Cron);
        Assert.Equal("Europe/London", job.TimeZoneId);
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == "poll-feeds");
    }

    [Fact]
    public async Task TriggeringDailyDigest_SendsTheIssue_AndTheOneClickLinkUnsubscribesOnlyByPost()
    {
        _host.Services.GetRequiredService<IRecurringJobManager>().Trigger(DailyDigestJob.RecurringId);

        var received = await _smtp.WaitForMessageAsync(TimeSpan.FromSeconds(30));
        var link = new Uri(received.Message.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        var path = link.PathAndQuery;

        var page = await _host.Http.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync());
        Assert.Equal(SubscriberStatus.Active, await StatusAsync());

        var oneClick = await _host.Http.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(System.Net.HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, await StatusAsync());
    }

    [Fact]
    public async Task Unsubscribe_RefusesAForgedToken()
    {
        var response = await _host.Http.PostAsync("/unsubscribe/CfDJ8forged-token-that-was-never-issued",
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SubscriberStatus.Active, await StatusAsync());
    }

    private async Task<SubscriberStatus> StatusAsync()
    {
        await using var db = TestDb.Open(_root.Root);
        return (await db.Subscribers.SingleAsync()).Status;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
        _root.Dispose();
    }
}
