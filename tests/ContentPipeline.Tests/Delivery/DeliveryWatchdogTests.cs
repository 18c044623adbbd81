using ContentPipeline.Data;
using ContentPipeline.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ContentPipeline.Tests.Delivery;

public sealed class DeliveryWatchdogTests
{
    [Fact]
    public async Task ARunningHost_FinishesASendWhoseClaimsWereAbandoned_WithNoJobQueuedAndNoRestart()
    {
        const int subscribers = 60;
        await using var s = new SendScenario(new Dictionary<string, string?>
        {
            ["Delivery:BatchSize"] = "20",
            ["Delivery:MaxConnections"] = "2",
            ["Delivery:ClaimChunk"] = "5",
            ["Delivery:LeaseSeconds"] = "10",
        });
        await s.PrepareAsync(subscribers);
        s.Smtp.DataDelay = TimeSpan.FromMilliseconds(300);
        var stopped = await s.Cli.RunAsync("digest", "--timeout", "6");
        Assert.True(stopped.ExitCode == 3, stopped.Output + stopped.Error);
        s.Smtp.DataDelay = TimeSpan.Zero;
        // Every unsent delivery as a worker that died would leave it: claimed, lease long gone, and no job for it
        // anywhere (the jobs were in the stopped process's memory).
        Assert.True(await s.AbandonClaimsAsync() > 0);
        var sentBefore = s.Smtp.Copies.Count;

        // A host with a job server that resumes nothing at start: only the watchdog can find the work.
        using var host = AppHost.BuildCli([], jobServer: true, verbose: false, Program.AddFeatures, s.Root.Root,
            b => b.Configuration.AddInMemoryCollection(s.Cli.Settings));
        await host.StartAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await s.IssueStateAsync() != IssueState.Sent && DateTime.UtcNow < deadline) await Task.Delay(200);
        }
        finally
        {
            await host.StopAsync();
        }

        Assert.Equal(IssueState.Sent, await s.IssueStateAsync());
        Assert.True(sentBefore < subscribers, "the first run should stop before every message is sent");
        Assert.Equal(subscribers, s.Smtp.Copies.Count);
        Assert.All(s.Smtp.Copies, c => Assert.True(c.Value == 1, $"{c.Key} got {c.Value} copies"));
    }
}
