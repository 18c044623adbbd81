using System.Diagnostics;
using Npgsql;

namespace ContentPipeline.Tests.TestSupport;

/// <summary>
/// The PostgreSQL the Postgres tests use: CONTENTPIPELINE_TEST_POSTGRES when set (CI starts one with
/// .ci/postgres.sh), otherwise a throwaway cluster this test run starts the same way, through the same script,
/// where Debian's postgresql package is installed. Each test gets a database of its own. The scale benchmark compiles
/// this file in too (PostgresFactAttribute, which needs xunit, is in a file of its own).
/// </summary>
public static class PostgresServer
{
    public const string Variable = "CONTENTPIPELINE_TEST_POSTGRES";
    private static readonly Lazy<string> Server = new(Start);

    /// <summary>Why the Postgres tests cannot run here, or null when they can.</summary>
    public static string? Unavailable { get; } =
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)) || HasInitdb() ? null
        : $"needs PostgreSQL: set {Variable} (see .ci/postgres.sh) or install Debian's postgresql package";

    /// <summary>A fresh, empty database cp_test_&lt;guid&gt;; dropped when disposed.</summary>
    public static async Task<PostgresDatabase> CreateDatabaseAsync()
    {
        var name = $"cp_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(Server.Value))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new PostgresDatabase(Server.Value, new NpgsqlConnectionStringBuilder(Server.Value) { Database = name }.ConnectionString, name);
    }

    private static bool HasInitdb() =>
        Directory.Exists("/usr/lib/postgresql") && Directory.EnumerateFiles("/usr/lib/postgresql", "initdb", SearchOption.AllDirectories).Any();

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given) return given;
        var script = Path.Combine(TestRoot.RepositoryRoot, ".ci", "postgres.sh");
        var (code, output, error) = Run(script, "start");
        if (code != 0) throw new InvalidOperationException($".ci/postgres.sh start failed ({code}): {error}");
        var exports = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Replace("export ", "").Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim('\''));
        var data = exports["CONTENTPIPELINE_TEST_PGDATA"];
        StopWhenThisProcessEnds(script, data);
        return exports[Variable];
    }

    /// <summary>
    /// A detached watcher stops the cluster once the test process is gone: the test host is often ended without
    /// running exit handlers, and a cluster left behind would hold a port and a folder.
    /// </summary>
    private static void StopWhenThisProcessEnds(string script, string data)
    {
        var watcher = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var a in new[] { "bash", "-c", "exec >/dev/null 2>&1 </dev/null; while kill -0 \"$0\"; do sleep 1; done; exec bash \"$1\" stop \"$2\"",
                     Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), script, data })
            watcher.ArgumentList.Add(a);
        Process.Start(watcher)?.Dispose();
    }

    private static (int Code, string Output, string Error) Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}

/// <summary>One test's database on the shared server.</summary>
public sealed class PostgresDatabase(string serverConnectionString, string connectionString, string name) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>The server's own database (postgres), for statistics about this one.</summary>
    public string ServerConnectionString { get; } = serverConnectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(ServerConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
