using System.Net;
using ContentPipeline.Data;
using ContentPipeline.Tests.Admin;
using ContentPipeline.Tests.Delivery;
using ContentPipeline.Tests.EndToEnd;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Tests.Issues;

/// <summary>An issue that cannot finish never holds back the next one, and an admin can end it.</summary>
[Collection(HostCollection.Name)]
public sealed class StuckIssueTests
{
    [Fact]
    public async Task ANewIssueIsComposedAndSent_WhileAnOlderOneWaits_AndCancellingTheRestLetsTheOlderOneEnd()
    {
        var settings = AdminSignIn.Settings(new Dictionary<string, string?>
        {
            // A deferred copy waits an hour: the first issue cannot finish within the test.
            ["Delivery:RetryDelays:0"] = "3600", ["Delivery:RetryDelays:1"] = "3600", ["Delivery:RetryDelays:2"] = "3600", ["Delivery:RetryDelays:3"] = "3600",
        });
        await using var s = new SendScenario(settings);
        await s.PrepareAsync(3);
        s.Smtp.FailNext(SendScenario.Address(1), SmtpFault.Rcpt451);

        var first = await s.Cli.RunAsync("digest", "--timeout", "8");

        Assert.True(first.ExitCode == 3, first.Output + first.Error);
        Assert.Contains("timed out after 8 s: issue #1 is still Sending (1 deferred: 451", first.Output);
        Assert.Equal(0, (await s.Cli.RunAsync("ingest", s.Root.Write("in/market.txt", Fixtures.SecondArticle))).ExitCode);

        var second = await s.Cli.RunAsync("digest", "--timeout", "20");

        Assert.True(second.ExitCode == 3, second.Output + second.Error); // issue 1 still waits for its retry
        Assert.Contains("resuming issue #1", second.Output);
        Assert.Contains("issue #2 sent: 1 article(s), 0 failed; deliveries: 3 sent, 0 deferred, 0 failed", second.Output);
        Assert.Equal(2, s.Smtp.Copies[SendScenario.Address(2)]);
        var list = await s.Cli.RunAsync("issues", "list");
        Assert.Contains("waiting: 1 deferred: 451", list.Output);

        await using (var host = await WebHost.StartAsync(s.Root.Root, "Production", s.Cli.Settings))
        {
            await AdminSignIn.SignInAsync(host.Http);
            var page = await host.Http.GetStringAsync("/admin/issues/1");
            Assert.Contains("Cancel the rest", page);
            Assert.Contains("451", page);

            var cancel = await AdminSignIn.PostFormAsync(host.Http, "/admin/issues/1", "/admin/issues/1?handler=CancelRest");

            Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
            Assert.Contains("Cancelled 1 delivery(ies)", await host.Http.GetStringAsync("/admin/issues/1"));
        }
        await using var db = TestDb.Open(s.Root.Root);
        var issues = await db.Issues.AsNoTracking().OrderBy(i => i.Id).Select(i => i.State).ToListAsync();
        Assert.Equal([IssueState.Sent, IssueState.Sent], issues);
        var stuck = await db.Deliveries.AsNoTracking().SingleAsync(d => d.IssueId == 1 && d.State != DeliveryState.Sent);
        Assert.Equal(DeliveryState.Cancelled, stuck.State);
        Assert.StartsWith($"cancelled by {AdminSignIn.Email} (was: 451", stuck.LastError);
        Assert.Contains("\"state\":\"Sent\",", (await s.Cli.RunAsync("issues", "list", "--json")).Lines[^1]);
        Assert.Contains("\"cancelled\":1", (await s.Cli.RunAsync("issues", "list", "--json")).Lines[^1]);
        Assert.Equal(1, s.Smtp.Copies[SendScenario.Address(1)]);
    }
}
