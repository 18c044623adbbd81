using System.Globalization;
using System.Text;
using ContentPipeline.Data;
using ContentPipeline.Hosting;
using ContentPipeline.Tests.EndToEnd;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Tests.Scale;

/// <summary>
/// Several real host processes against one PostgreSQL database and one SMTP server in the test process: the
/// subscribers and articles are stored, `serve` nodes start, and `digest` runs as one more process, which joins
/// the cluster with its own job server.
/// </summary>
public sealed class ClusterScenario(PostgresDatabase database, TestRoot root, SmtpTestServer smtp) : IAsyncDisposable
{
    /// <summary>
    /// A killed node can repeat at most MaxConnections x ClaimChunk messages (README); both kept small. Four
    /// connections a node because the test SMTP server answers each connection slowly, not for the database.
    /// </summary>
    public const int ClaimChunk = 10;
    public const int MaxConnections = 4;
    public const int LeaseSeconds = 10;

    public List<NodeProcess> Nodes { get; } = [];

    /// <summary>Every node's settings, and the seeding commands' in this process.</summary>
    public Dictionary<string, string?> Settings => smtp.Settings(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:ContentPipeline"] = database.ConnectionString,
        ["Delivery:BatchSize"] = "250",
        ["Delivery:ClaimChunk"] = ClaimChunk.ToString(CultureInfo.InvariantCulture),
        ["Delivery:MaxConnections"] = MaxConnections.ToString(CultureInfo.InvariantCulture),
        ["Delivery:LeaseSeconds"] = LeaseSeconds.ToString(CultureInfo.InvariantCulture),
        ["Jobs:WorkerCount"] = "2",
        ["Jobs:SchedulePollingSeconds"] = "1",
        ["Jobs:QueuePollingSeconds"] = "0.5",
        ["Jobs:InvisibilityTimeoutSeconds"] = "10",
        ["Jobs:LockTimeoutSeconds"] = "10",
        ["Newsletter:FromAddress"] = "digest@scale.test",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging:LogLevel:ContentPipeline.Delivery"] = "Information",
    });

    private Dictionary<string, string?> Environment
    {
        get
        {
            var environment = NodeProcess.Environment(Settings);
            environment[ContentRoot.EnvironmentVariable] = root.Path;
            return environment;
        }
    }

    /// <summary>Starts the serve nodes together on the empty database: they migrate and install Hangfire's schema in turn.</summary>
    public async Task StartServeNodesAsync(int count)
    {
        var started = Enumerable.Range(1, count)
            .Select(i => NodeProcess.Start($"node{i}", root.Path, Environment, "serve", "--urls", "http://127.0.0.1:0")).ToList();
        Nodes.AddRange(started);
        await Task.WhenAll(started.Select(n => n.WaitForOutputAsync("Now listening on", TimeSpan.FromSeconds(120))));
    }

    /// <summary>Stores two articles and the subscribers through the real commands (in this process, on the same database).</summary>
    public async Task SeedAsync(int subscribers)
    {
        var cli = new CliRunner(root.Root, Settings);
        var csv = new StringBuilder("email,name\n");
        for (var i = 1; i <= subscribers; i++) csv.Append(CultureInfo.InvariantCulture, $"reader{i:D5}@scale.test,Reader {i}\n");
        var import = await cli.RunAsync("subscribers", "import", root.Write("in/subscribers.csv", csv.ToString()));
        Assert.True(import.ExitCode == 0, import.Output + import.Error);
        var ingest = await cli.RunAsync("ingest", root.Write("in/bridge.txt", Fixtures.FurnishedArticle), root.Write("in/market.txt", Fixtures.SecondArticle));
        Assert.True(ingest.ExitCode == 0, ingest.Output + ingest.Error);
    }

    public NodeProcess StartDigest()
    {
        // The digest gives up before the test does, so a stuck send fails with every node's log and the database's state.
        var digest = NodeProcess.Start("digest", root.Path, Environment, "digest", "--timeout", "180");
        Nodes.Add(digest);
        return digest;
    }

    public PostgresDbContext OpenDb() =>
        new(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(database.ConnectionString).Options);

    /// <summary>What is still open, for a failure message: deliveries not sent by batch and state, Hangfire's jobs by state, its locks.</summary>
    public async Task<string> DescribeAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var text = new StringBuilder();
        async Task Query(string title, string sql)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"--- {title} ---");
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                text.AppendLine(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }
        await Query("open deliveries: batch | state | rows | oldest claim | attempts", """
            SELECT "Batch", "State", count(*), min("ClaimedAt"), max("Attempts") FROM "Deliveries"
            WHERE "State" <> 'Sent' GROUP BY "Batch", "State" ORDER BY 1, 2
            """);
        await Query("hangfire jobs: state | count", "SELECT statename, count(*) FROM hangfire.job GROUP BY statename ORDER BY 1");
        await Query("hangfire queue: job | queue | fetched at", "SELECT jobid, queue, fetchedat FROM hangfire.jobqueue ORDER BY id");
        await Query("hangfire locks: resource | acquired", "SELECT resource, acquired FROM hangfire.lock");
        text.AppendLine(CultureInfo.InvariantCulture, $"now: {DateTime.UtcNow:O}");
        return text.ToString();
    }

    /// <summary>Every node's output, for a failure message.</summary>
    public string Logs => string.Join("\n", Nodes.Select(n => $"--- {n.Name} ---\n{Tail(n.Output)}"));

    private static string Tail(string text) => text.Length > 3000 ? text[^3000..] : text;

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes) await node.DisposeAsync();
    }
}
