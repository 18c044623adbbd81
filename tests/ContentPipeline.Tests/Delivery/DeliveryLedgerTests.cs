using ContentPipeline.Data;
using ContentPipeline.Delivery;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContentPipeline.Tests.Delivery;

public sealed class DeliveryLedgerTests : IDisposable
{
    private readonly TestRoot _root = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero));
    private readonly DeliveryOptions _options = new() { BounceAfter = 3 };

    [Fact]
    public async Task Claims_NeverHandTheSameRowToTwoWorkers()
    {
        await SeedAsync(issues: 1, subscribers: 30);
        await using var a = Open();
        await using var b = Open();

        var first = Ledger(a).Claim(1, 1, 20, default);
        var second = Ledger(b).Claim(1, 1, 20, default);

        Assert.Equal(20, first.Count);
        Assert.Equal(10, second.Count);
        Assert.Empty(first.Select(d => d.Id).Intersect(second.Select(d => d.Id)));
        Assert.Empty(Ledger(a).Claim(1, 1, 20, default));
    }

    [Fact]
    public async Task HardFailures_MarkTheSubscriberBounced_AfterThreeInARowAcrossIssues()
    {
        await SeedAsync(issues: 3, subscribers: 1);
        await using var db = Open();
        var ledger = Ledger(db);
        var refused = new SendFailure(false, false, "550 no such user", HardBounce: true);

        for (var issue = 1; issue <= 3; issue++)
        {
            Assert.Equal(SubscriberStatus.Active, (await db.Subscribers.AsNoTracking().SingleAsync()).Status);
            var claimed = Assert.Single(ledger.Claim(issue, 1, 10, default));
            Assert.Equal(DeliveryState.Failed, ledger.RecordFailure(claimed, refused));
        }

        var subscriber = await db.Subscribers.AsNoTracking().SingleAsync();
        Assert.Equal(SubscriberStatus.Bounced, subscriber.Status);
        Assert.Equal(3, subscriber.HardBounces);
    }

    [Fact]
    public async Task AnAcceptedMessage_ResetsTheCountOfHardFailures()
    {
        await SeedAsync(issues: 3, subscribers: 1);
        await using var db = Open();
        var ledger = Ledger(db);
        var refused = new SendFailure(false, false, "550 mailbox full", HardBounce: true);

        ledger.RecordFailure(Assert.Single(ledger.Claim(1, 1, 10, default)), refused);
        ledger.RecordFailure(Assert.Single(ledger.Claim(2, 1, 10, default)), refused);
        ledger.MarkSent(ledger.Claim(3, 1, 10, default));

        var subscriber = await db.Subscribers.AsNoTracking().SingleAsync();
        Assert.Equal((SubscriberStatus.Active, 0), (subscriber.Status, subscriber.HardBounces));
    }

    [Fact]
    public async Task ATemporaryFailure_IsDeferredWithBackoff_AndComesBackOnlyWhenDue()
    {
        await SeedAsync(issues: 1, subscribers: 1);
        await using var db = Open();
        var ledger = Ledger(db);
        _options.RetryDelays = [60];

        var claimed = Assert.Single(ledger.Claim(1, 1, 10, default));
        Assert.Equal(DeliveryState.Deferred, ledger.RecordFailure(claimed, new SendFailure(true, false, "451 try later")));

        Assert.Empty(ledger.Claim(1, 1, 10, default));
        Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddSeconds(60), ledger.NextDue(1, 1));
        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(2, Assert.Single(ledger.Claim(1, 1, 10, default)).Attempts);
    }

    [Fact]
    public async Task StalledWork_IsHandedBackOnce_AndLiveClaimsAndRetriesNotYetOverdueAreLeftAlone()
    {
        await SeedAsync(issues: 1, subscribers: 4);
        await using var db = Open();
        var ledger = Ledger(db);
        _options.LeaseSeconds = 60;
        _options.RetryDelays = [55];
        var deferred = Assert.Single(ledger.Claim(1, 1, 1, default));
        ledger.RecordFailure(deferred, new SendFailure(true, false, "451 try later")); // due at +55 s
        _clock.Advance(TimeSpan.FromSeconds(20));
        var abandoned = ledger.Claim(1, 1, 2, default); // its worker never comes back
        Assert.Equal(2, abandoned.Count);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var live = Assert.Single(ledger.Claim(1, 1, 1, default)); // claimed at +50 s

        Assert.Empty((await ledger.RecoverStalledAsync(default)).Batches);
        _clock.Advance(TimeSpan.FromSeconds(50));
        ledger.Renew(live.ClaimToken); // +100 s: the live worker is still at it
        Assert.Equal([new StalledBatch(1, 1, 1)], (await ledger.RecoverStalledAsync(default)).Batches); // the abandoned claim is 80 s old
        Assert.Empty((await ledger.RecoverStalledAsync(default)).Batches);
        _clock.Advance(TimeSpan.FromSeconds(30)); // +130 s: the retry is 75 s overdue (its job never came), the live claim renewed 30 s ago

        Assert.Equal([new StalledBatch(1, 1, 1)], (await ledger.RecoverStalledAsync(default)).Batches);
        Assert.Empty((await Ledger(Open()).RecoverStalledAsync(default)).Batches);
        var states = await db.Deliveries.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.State);
        Assert.All(abandoned, d => Assert.Equal(DeliveryState.Pending, states[d.Id]));
        Assert.Equal(DeliveryState.Deferred, states[deferred.Id]);
        Assert.Equal(DeliveryState.Sending, states[live.Id]);
        var reclaimed = ledger.Claim(1, 1, 10, default);
        Assert.Equal(abandoned.Select(d => d.Id).Append(deferred.Id).Order(), reclaimed.Select(d => d.Id).Order());
    }

    [Fact]
    public async Task AClaimThatRunsOutOnItsLastAttempt_IsFailedByTheSweep_NotClaimedAgain()
    {
        await SeedAsync(issues: 1, subscribers: 1);
        await using var db = Open();
        var ledger = Ledger(db);
        _options.MaxAttempts = 3;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            // Each time, the copy takes its worker down before anything is recorded; the claim runs out.
            Assert.Equal(attempt, Assert.Single(ledger.Claim(1, 1, 10, default)).Attempts);
            _clock.Advance(TimeSpan.FromSeconds(_options.LeaseSeconds + 1));
        }

        Assert.Empty(ledger.Claim(1, 1, 10, default));
        var work = await ledger.RecoverStalledAsync(default);

        Assert.Empty(work.Batches);
        Assert.Equal([1L], work.IssuesWithFailures);
        var row = await db.Deliveries.AsNoTracking().SingleAsync();
        Assert.Equal((DeliveryState.Failed, 3, null), (row.State, row.Attempts, row.ClaimToken));
        Assert.Contains("gave up after 3 attempt(s)", row.LastError);
        Assert.Null(ledger.NextDue(1, 1));
    }

    [Fact]
    public async Task StalledWork_OfAnIssueNotBeingSent_IsLeftAlone()
    {
        await SeedAsync(issues: 1, subscribers: 2);
        await using var db = Open();
        Ledger(db).Claim(1, 1, 2, default);
        await db.Issues.ExecuteUpdateAsync(s => s.SetProperty(i => i.State, IssueState.Failed));
        _clock.Advance(TimeSpan.FromSeconds(_options.LeaseSeconds + 1));

        Assert.Empty((await Ledger(db).RecoverStalledAsync(default)).Batches);
    }

    [Fact]
    public async Task ARenewedClaim_IsNotTakenBackWhileItsWorkerGoesOn()
    {
        await SeedAsync(issues: 1, subscribers: 3);
        await using var db = Open();
        var ledger = Ledger(db);
        var claimed = ledger.Claim(1, 1, 3, default);
        ledger.MarkSent([claimed[0]]);

        _clock.Advance(TimeSpan.FromSeconds(_options.LeaseSeconds - 1));
        ledger.Renew(claimed[0].ClaimToken);
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Empty(Ledger(Open()).Claim(1, 1, 3, default));
        Assert.Empty((await ledger.RecoverStalledAsync(default)).Batches);
        Assert.Equal(DeliveryState.Sent, (await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == claimed[0].Id)).State);
    }

    private readonly LedgerWriteGate _gate = new();

    private DeliveryLedger Ledger(AppDbContext db) => new(db, _gate, Options.Create(_options), _clock, NullLogger<DeliveryLedger>.Instance);

    private AppDbContext Open() => TestDb.Open(_root.Root);

    private async Task SeedAsync(int issues, int subscribers)
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
        var now = _clock.GetUtcNow().UtcDateTime;
        for (var s = 1; s <= subscribers; s++)
            db.Subscribers.Add(new Subscriber { Email = $"r{s}@example.org", NormalizedEmail = $"r{s}@example.org", Origin = "test", Status = SubscriberStatus.Active, CreatedAt = now });
        for (var i = 1; i <= issues; i++) db.Issues.Add(new Issue { State = IssueState.Sending, CreatedAt = now });
        await db.SaveChangesAsync();
        for (var i = 1; i <= issues; i++)
            for (var s = 1; s <= subscribers; s++)
                db.Deliveries.Add(new ContentPipeline.Data.Delivery { IssueId = i, SubscriberId = s, Batch = 1, MessageId = $"issue-{i}.sub-{s}@example.org" });
        await db.SaveChangesAsync();
    }

    public void Dispose() => _root.Dispose();
}
