using ContentPipeline.Issues;
using System.Net;
using ContentPipeline.Data;
using ContentPipeline.Jobs;
using ContentPipeline.Tests.EndToEnd;
using ContentPipeline.Tests.TestSupport;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContentPipeline.Tests.Admin;

[Collection(HostCollection.Name)]
public sealed class IssueApprovalTests : IAsyncLifetime
{
    private readonly TestRoot _root = new();
    private readonly SmtpTestServer _smtp = new();
    private WebHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = AdminSignIn.Settings(_smtp.Settings(new Dictionary<string, string?> { ["Digest:RequireApproval"] = "true" }));
        var cli = new CliRunner(_root.Root, settings);
        Assert.Equal(0, (await cli.RunAsync("ingest", _root.Write("in/market.txt", Fixtures.SecondArticle))).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("subscribers", "add", "reader@example.org")).ExitCode);
        _host = await WebHost.StartAsync(_root.Root, "Production", settings);
        await AdminSignIn.SignInAsync(_host.Http);
    }

    [Fact]
    public async Task WithRequireApproval_NothingIsSentUntilApproved_AndATestCopyGoesOnlyToTheAdmin()
    {
        _host.Services.GetRequiredService<IRecurringJobManager>().Trigger(DailyDigestJob.RecurringId);
        var issueId = await WaitForStateAsync(IssueState.AwaitingApproval);
        // Not a pause but a barrier: once the job that parked the issue has finished and no job is left enqueued,
        // processing or scheduled, a fan-out or send queued along the way would have run, and its mail would be here.
        await _host.WaitForIdleJobsAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(_smtp.Messages);
        await using (var db = TestDb.Open(_root.Root))
        {
            Assert.Equal(IssueState.AwaitingApproval, (await db.Issues.SingleAsync()).State);
            Assert.Equal(0, await db.Deliveries.CountAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Http.GetAsync($"/issues/{issueId}")).StatusCode);

        var page = $"/admin/issues/{issueId}";
        Assert.Contains("Approve and send", await _host.Http.GetStringAsync(page));
        Assert.Equal(HttpStatusCode.Redirect, (await AdminSignIn.PostFormAsync(_host.Http, page, page + "?handler=TestSend")).StatusCode);
        // The same barrier: the test copy is the only mail, not the first of several.
        await _host.WaitForIdleJobsAsync(TimeSpan.FromSeconds(30));
        var test = Assert.Single(_smtp.Messages);
        Assert.Equal([AdminSignIn.Email], test.To);
        Assert.StartsWith("[Test] ", test.Message.Subject);
        await using (var db = TestDb.Open(_root.Root))
            Assert.Equal(0, await db.Deliveries.CountAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await AdminSignIn.PostFormAsync(_host.Http, page, page + "?handler=Approve")).StatusCode);
        await _smtp.WaitForMessageAsync(TimeSpan.FromSeconds(30), m => m.To.Contains("reader@example.org"));
        await WaitForStateAsync(IssueState.Sent);
        await using (var db = TestDb.Open(_root.Root))
            Assert.Equal(AdminSignIn.Email, (await db.Issues.SingleAsync()).ApprovedBy);

        var archive = await _host.Http.GetStringAsync($"/issues/{issueId}");
        Assert.Contains("Harbour market", archive);
        Assert.Contains("Podcast script", archive);
        Assert.Contains($"/issues/{issueId}", await _host.Http.GetStringAsync("/issues"));
    }

    private async Task<long> WaitForStateAsync(IssueState state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = TestDb.Open(_root.Root);
            if (await db.Issues.AsNoTracking().FirstOrDefaultAsync(i => i.State == state) is { } issue) return issue.Id;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No issue reached {state}.");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
        _root.Dispose();
    }
}
