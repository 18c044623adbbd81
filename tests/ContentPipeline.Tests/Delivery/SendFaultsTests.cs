using ContentPipeline.Data;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Tests.Delivery;

[Collection(HostCollection.Name)]
public sealed class SendFaultsTests
{
    [Fact]
    public async Task Digest_EndsEachServerFaultInTheRightState_WithAtMostOneCopyPerSubscriber()
    {
        await using var s = new SendScenario(new Dictionary<string, string?>
        {
            ["Delivery:BatchSize"] = "3",
            ["Delivery:MaxAttempts"] = "3",
            ["Delivery:MaxConnections"] = "2",
        });
        await s.PrepareAsync(8);
        s.Smtp.DataDelay = TimeSpan.FromMilliseconds(20);
        s.Smtp.FailNext(SendScenario.Address(1), SmtpFault.Rcpt451);
        s.Smtp.FailNext(SendScenario.Address(2), SmtpFault.Rcpt550);
        s.Smtp.FailNext(SendScenario.Address(3), SmtpFault.Rcpt421);
        s.Smtp.FailNext(SendScenario.Address(4), SmtpFault.DataDrop);
        s.Smtp.FailNext(SendScenario.Address(5), SmtpFault.Data421);
        s.Smtp.FailNext(SendScenario.Address(6), SmtpFault.Rcpt451, SmtpFault.Rcpt451, SmtpFault.Rcpt451);

        var digest = await s.Cli.RunAsync("digest", "--timeout", "60");

        Assert.True(digest.ExitCode == 0, digest.Output + digest.Error);
        Assert.Contains("deliveries: 6 sent, 0 deferred, 2 failed", digest.Output);
        var deliveries = await s.DeliveriesByEmailAsync();
        (int Copies, DeliveryState State, int Attempts)[] expected =
        [
            (1, DeliveryState.Sent, 2), (0, DeliveryState.Failed, 1), (1, DeliveryState.Sent, 2), (1, DeliveryState.Sent, 2),
            (1, DeliveryState.Sent, 2), (0, DeliveryState.Failed, 3), (1, DeliveryState.Sent, 1), (1, DeliveryState.Sent, 1),
        ];
        for (var i = 1; i <= 8; i++)
        {
            var d = deliveries[SendScenario.Address(i)];
            Assert.True(expected[i - 1] == (s.Smtp.Copies.GetValueOrDefault(SendScenario.Address(i)), d.State, d.Attempts),
                $"sub{i}: expected {expected[i - 1]}, got ({s.Smtp.Copies.GetValueOrDefault(SendScenario.Address(i))}, {d.State}, {d.Attempts}) {d.LastError}");
        }
        Assert.StartsWith("550", deliveries[SendScenario.Address(2)].LastError);
        await using var db = TestDb.Open(s.Root.Root);
        var refused = await db.Subscribers.SingleAsync(x => x.Email == SendScenario.Address(2));
        Assert.Equal(1, refused.HardBounces);
        Assert.Equal(SubscriberStatus.Active, refused.Status);
        Assert.Equal(IssueState.Sent, await s.IssueStateAsync());
    }

    [Fact]
    public async Task Digest_AfterAStopMidSendAndClaimsLeftByADeadWorker_CompletesWithNoLossAndNoDuplicate()
    {
        const int subscribers = 150;
        await using var s = new SendScenario(new Dictionary<string, string?>
        {
            ["Delivery:BatchSize"] = "20",
            ["Delivery:MaxConnections"] = "2",
            ["Delivery:ClaimChunk"] = "5",
        });
        await s.PrepareAsync(subscribers);
        // Slow enough that the send cannot finish within the first run's timeout, however long a loaded
        // machine takes to reach the sending stage: 150 messages over 2 connections at 200 ms take 15 s.
        s.Smtp.DataDelay = TimeSpan.FromMilliseconds(200);

        var stopped = await s.Cli.RunAsync("digest", "--timeout", "10");

        Assert.True(stopped.ExitCode == 3, stopped.Output + stopped.Error);
        Assert.True(s.Smtp.Copies.Count < subscribers, "the first run should stop before every message is sent");
        // A worker that died outright leaves its claims behind: they come back once their lease has run out.
        Assert.True(await s.AbandonClaimsAsync(take: 10) > 0);
        s.Smtp.DataDelay = TimeSpan.Zero;

        var resumed = await s.Cli.RunAsync("digest", "--timeout", "60");

        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        Assert.Contains($"deliveries: {subscribers} sent, 0 deferred, 0 failed", resumed.Output);
        Assert.Equal(subscribers, s.Smtp.Copies.Count);
        Assert.All(s.Smtp.Copies, c => Assert.True(c.Value == 1, $"{c.Key} got {c.Value} copies"));
        Assert.Equal(IssueState.Sent, await s.IssueStateAsync());
    }
}
