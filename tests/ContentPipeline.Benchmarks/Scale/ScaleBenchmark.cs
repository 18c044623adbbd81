using System.Diagnostics;
using System.Globalization;
using ContentPipeline.Benchmarks.Delivery;
using ContentPipeline.Hosting;
using ContentPipeline.Tests.TestSupport;
using Npgsql;

namespace ContentPipeline.Benchmarks.Scale;

/// <summary>
/// Send throughput of one node and of three against the same PostgreSQL, into Postfix's smtp-sink. "One node" is
/// the `digest` process alone (it runs its own job server); "three" is `digest` beside two `serve` processes. The
/// send is timed from the first claim to the last mark in the Deliveries table; database round trips are counted as
/// the transactions pg_stat_database records for the run's database (every statement the nodes send outside an
/// explicit transaction is one, Hangfire's polling included), per delivered message. On two cores three nodes show
/// the cost of coordination, not a speed-up.
/// </summary>
internal static class ScaleBenchmark
{
    public static int Run(string[] args)
    {
        var subscribers = Option(args, "--subscribers", 5000);
        var batch = Option(args, "--batch", 250);
        return RunAsync(subscribers, batch).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int subscribers, int batch)
    {
        if (SmtpSink.Find("smtp-sink") is not { } sinkPath)
        {
            Console.Error.WriteLine("scale: needs Postfix's smtp-sink (apt-get install postfix)");
            return 2;
        }
        using var sink = await SmtpSink.StartAsync(sinkPath);
        Console.WriteLine($"scale: {subscribers} subscribers in batches of {batch}, Delivery:MaxConnections=4 and ClaimChunk=50 per node, into smtp-sink");
        Console.WriteLine($"{"nodes",5}  {"sent",6}  {"msg/s",8}  {"send s",7}  {"db xacts/msg",12}");
        foreach (var nodes in new[] { 1, 3 })
        {
            var (rate, seconds, xactsPerMessage, sent) = await RunClusterAsync(sink.Port, nodes, subscribers, batch);
            Console.WriteLine($"{nodes,5}  {sent,6}  {rate,8:F0}  {seconds,7:F1}  {xactsPerMessage,12:F2}");
        }
        return 0;
    }

    private static async Task<(double Rate, double Seconds, double XactsPerMessage, long Sent)> RunClusterAsync(int smtpPort,
        int nodes, int subscribers, int batch)
    {
        using var folder = new TestRoot();
        var root = folder.Root;
        // CONTENTPIPELINE_TEST_POSTGRES when set, otherwise the tests' throwaway cluster, stopped once this process ends.
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var environment = NodeProcess.Environment(SmtpSettings.For(smtpPort, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:ContentPipeline"] = database.ConnectionString,
            ["Delivery:BatchSize"] = batch.ToString(CultureInfo.InvariantCulture),
            ["Jobs:SchedulePollingSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        }));
        environment[ContentRoot.EnvironmentVariable] = root.Path;
        var serve = Enumerable.Range(1, nodes - 1).Select(i => NodeProcess.Start($"serve{i}", root.Path, environment, "serve", "--urls", "http://127.0.0.1:0")).ToList();
        try
        {
            foreach (var node in serve) await node.WaitForOutputAsync("Now listening on", TimeSpan.FromMinutes(2));
            // Stored through the real commands; ingest also migrates the database when no serve node did.
            var articles = Directory.EnumerateFiles(Path.Combine(TestRoot.RepositoryRoot, "src", "ContentPipeline", "Samples")).ToArray();
            await CommandAsync(root, environment, ["ingest", .. articles]);
            var csv = Path.Combine(root.Path, "subscribers.csv");
            await File.WriteAllLinesAsync(csv, ["email", .. Enumerable.Range(1, subscribers).Select(i => $"reader{i}@bench.test")]);
            await CommandAsync(root, environment, "subscribers", "import", csv);

            var before = await TransactionsAsync(database);
            await CommandAsync(root, environment, "digest", "--timeout", "600");
            await Task.Delay(1500); // backends report their counts to pg_stat_database at most once a second
            var xacts = await TransactionsAsync(database) - before;

            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var window = new NpgsqlCommand("""
                SELECT count(*) FILTER (WHERE "State" = 'Sent'), EXTRACT(EPOCH FROM max("SentAt") - min("ClaimedAt"))::float8 FROM "Deliveries"
                """, connection);
            await using var reader = await window.ExecuteReaderAsync();
            await reader.ReadAsync();
            var sent = reader.GetInt64(0);
            var seconds = reader.GetDouble(1);
            return (sent / seconds, seconds, (double)xacts / sent, sent);
        }
        finally
        {
            foreach (var node in serve) await node.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }

    /// <summary>Committed and rolled-back transactions of one database so far.</summary>
    private static async Task<long> TransactionsAsync(PostgresDatabase database)
    {
        await using var admin = new NpgsqlConnection(database.ServerConnectionString);
        await admin.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = @name", admin);
        count.Parameters.AddWithValue("name", new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Runs one command as a process of its own; a non-zero exit stops the benchmark with the command's output.</summary>
    private static async Task CommandAsync(ContentRoot root, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        await using var node = NodeProcess.Start(args[0], root.Path, environment, args);
        var code = await node.WaitForExitAsync(TimeSpan.FromMinutes(15));
        if (code != 0) throw new InvalidOperationException($"{args[0]} exited {code}:\n{node.Output}");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
