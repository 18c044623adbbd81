using System.Text;
using ContentPipeline.Data;
using ContentPipeline.Tests.EndToEnd;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Tests.Delivery;

/// <summary>A product folder, a real SMTP server on loopback and the CLI wired to it, with one article ready to go.</summary>
public sealed class SendScenario : IAsyncDisposable
{
    public SendScenario(IDictionary<string, string?>? settings = null)
    {
        var all = Smtp.Settings(new Dictionary<string, string?>
        {
            ["Smtp:TimeoutSeconds"] = "10",
            // appsettings.json has four delays; a setting replaces them index by index.
            ["Delivery:RetryDelays:0"] = "1", ["Delivery:RetryDelays:1"] = "1", ["Delivery:RetryDelays:2"] = "1", ["Delivery:RetryDelays:3"] = "1",
            ["Newsletter:FromAddress"] = "digest@larkhaven.test",
            ["Newsletter:PublicBaseUrl"] = "https://news.larkhaven.test",
        });
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        Cli = new CliRunner(Root.Root, all);
    }

    public TestRoot Root { get; } = new();
    public SmtpTestServer Smtp { get; } = new();
    public CliRunner Cli { get; }

    /// <summary>Ingests an article and imports subscribers sub1@example.org .. subN@example.org.</summary>
    public async Task PrepareAsync(int subscribers)
    {
        var ingest = await Cli.RunAsync("ingest", Root.Write("in/bridge.txt", Fixtures.FurnishedArticle));
        Assert.True(ingest.ExitCode == 0, ingest.Output + ingest.Error);
        var csv = new StringBuilder("email,name\n");
        for (var i = 1; i <= subscribers; i++) csv.Append($"sub{i}@example.org,Reader {i}\n");
        var import = await Cli.RunAsync("subscribers", "import", Root.Write("subscribers.csv", csv.ToString()));
        Assert.True(import.ExitCode == 0, import.Output + import.Error);
    }

    public static string Address(int i) => $"sub{i}@example.org";

    public async Task<Dictionary<string, ContentPipeline.Data.Delivery>> DeliveriesByEmailAsync()
    {
        await using var db = TestDb.Open(Root.Root);
        return await db.Deliveries.AsNoTracking().Join(db.Subscribers, d => d.SubscriberId, s => s.Id, (d, s) => new { s.Email, d })
            .ToDictionaryAsync(x => x.Email, x => x.d);
    }

    /// <summary>
    /// Leaves undelivered rows as a worker that died outright would: claimed, their lease long gone, no job for them.
    /// At most <paramref name="take"/> of them (by id) when given; returns how many.
    /// </summary>
    public async Task<int> AbandonClaimsAsync(int? take = null)
    {
        await using var db = TestDb.Open(Root.Root);
        var unsent = db.Deliveries.Where(d => d.State != DeliveryState.Sent).OrderBy(d => d.Id);
        return await (take is { } n ? unsent.Take(n) : unsent).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.State, DeliveryState.Sending).SetProperty(d => d.ClaimToken, Guid.NewGuid())
            .SetProperty(d => d.ClaimedAt, DateTime.UtcNow.AddHours(-1)));
    }

    public async Task<IssueState> IssueStateAsync()
    {
        await using var db = TestDb.Open(Root.Root);
        return (await db.Issues.SingleAsync()).State;
    }

    public async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        Root.Dispose();
    }
}
