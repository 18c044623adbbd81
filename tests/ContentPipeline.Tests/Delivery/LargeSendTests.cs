using ContentPipeline.Data;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Tests.Delivery;

[Collection(HostCollection.Name)]
public sealed class LargeSendTests
{
    [Fact]
    public async Task Digest_DeliversExactlyOneCopy_ToEachOf20000SubscribersImportedFromCsv()
    {
        const int subscribers = 20_000;
        await using var s = new SendScenario(new Dictionary<string, string?> { ["Delivery:MaxConnections"] = "4" });
        s.Smtp.KeepMessages = false;
        await s.PrepareAsync(subscribers);

        var digest = await s.Cli.RunAsync("digest", "--timeout", "300");

        Assert.True(digest.ExitCode == 0, digest.Output + digest.Error);
        Assert.Contains($"deliveries: {subscribers} sent, 0 deferred, 0 failed", digest.Output);
        Assert.Equal(subscribers, s.Smtp.Copies.Count);
        Assert.All(s.Smtp.Copies, c => Assert.Equal(1, c.Value));
        await using var db = TestDb.Open(s.Root.Root);
        Assert.Equal(subscribers, await db.Deliveries.CountAsync(d => d.State == DeliveryState.Sent));
    }
}
