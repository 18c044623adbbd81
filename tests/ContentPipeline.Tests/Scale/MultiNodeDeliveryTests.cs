using Xunit.Abstractions;
using ContentPipeline.Data;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Tests.Scale;

[Collection(HostCollection.Name)]
public sealed class MultiNodeDeliveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    private void Mark(string what) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:F1} s  {what} (copies so far: {_smtp.Copies.Count})");

    private const int Subscribers = 5_000;
    private readonly TestRoot _root = new();
    private readonly SmtpTestServer _smtp = new() { KeepMessages = false };
    private PostgresDatabase? _database;
    private ClusterScenario _cluster = null!;

    public async Task InitializeAsync()
    {
        if (PostgresServer.Unavailable is not null) return;
        _database = await PostgresServer.CreateDatabaseAsync();
        _cluster = new ClusterScenario(_database, _root, _smtp);
    }

    [PostgresFact]
    public async Task Digest_WithThreeServeNodes_SendsEverySubscriberExactlyOneCopy()
    {
        await _cluster.StartServeNodesAsync(3);
        Mark("serve nodes up");
        await _cluster.SeedAsync(Subscribers);
        Mark("seeded");

        var digest = _cluster.StartDigest();
        var code = await digest.WaitForExitAsync(TimeSpan.FromMinutes(4));
        Mark($"digest exited {code}; repeated copies: {_smtp.Copies.Values.Sum(n => n - 1)}");

        Assert.True(code == 0, await _cluster.DescribeAsync() + _cluster.Logs);
        Assert.Equal(Subscribers, _smtp.Copies.Count);
        Assert.All(_smtp.Copies, c => Assert.Equal(1, c.Value));
        await AssertAllSentAsync();
    }

    [PostgresFact]
    public async Task Digest_WhenAServeNodeIsKilledMidSend_LosesNoneAndRepeatsAtMostOneClaimChunkPerConnection()
    {
        await _cluster.StartServeNodesAsync(2);
        Mark("serve nodes up");
        await _cluster.SeedAsync(Subscribers);
        Mark("seeded");

        var digest = _cluster.StartDigest();
        var victim = _cluster.Nodes[0];
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (_smtp.Copies.Count < Subscribers / 3 && DateTime.UtcNow < deadline && !digest.HasExited) await Task.Delay(20);
        Assert.False(digest.HasExited, "the send finished before a node could be killed:\n" + _cluster.Logs);
        victim.Kill();
        Mark($"killed {victim.Name}");
        var code = await digest.WaitForExitAsync(TimeSpan.FromMinutes(4));
        Mark($"digest exited {code}; repeated copies: {_smtp.Copies.Values.Sum(n => n - 1)}");

        Assert.True(code == 0, await _cluster.DescribeAsync() + _cluster.Logs);
        Assert.Equal(Subscribers, _smtp.Copies.Count);
        var repeated = _smtp.Copies.Values.Sum(n => n - 1);
        // The one window: messages the server accepted that the killed node had not yet marked sent, at most one
        // claim chunk per connection. Their copies carry the same Message-ID (one Delivery row per subscriber).
        Assert.InRange(repeated, 0, ClusterScenario.MaxConnections * ClusterScenario.ClaimChunk);
        await AssertAllSentAsync();
        await using var db = _cluster.OpenDb();
        Assert.True(await db.Deliveries.AnyAsync(d => d.Attempts > 1), "the killed node held no claim, so nothing was taken over:\n" + _cluster.Logs);
    }

    private async Task AssertAllSentAsync()
    {
        await using var db = _cluster.OpenDb();
        Assert.Equal(IssueState.Sent, (await db.Issues.SingleAsync()).State);
        Assert.Equal(Subscribers, await db.Deliveries.CountAsync(d => d.State == DeliveryState.Sent));
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _cluster.DisposeAsync();
            await _database.DisposeAsync();
        }
        await _smtp.DisposeAsync();
        _root.Dispose();
    }
}
