using System.Diagnostics;
using Npgsql;

namespace ContentPipeline.Benchmarks.Scale;

/// <summary>CONTENTPIPELINE_TEST_POSTGRES when set, otherwise a throwaway cluster from .ci/postgres.sh, stopped at the end.</summary>
internal sealed class BenchmarkPostgres(string server, string? ownData) : IAsyncDisposable
{
    public static BenchmarkPostgres Start()
    {
        if (Environment.GetEnvironmentVariable("CONTENTPIPELINE_TEST_POSTGRES") is { Length: > 0 } given) return new(given, null);
        var exports = Script("start").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Replace("export ", "").Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim('\''));
        return new(exports["CONTENTPIPELINE_TEST_POSTGRES"], exports["CONTENTPIPELINE_TEST_PGDATA"]);
    }

    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"cp_bench_{Guid.NewGuid():N}";
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Committed and rolled-back transactions of one database so far.</summary>
    public async Task<long> TransactionsAsync(string database)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = @name", admin);
        count.Parameters.AddWithValue("name", new NpgsqlConnectionStringBuilder(database).Database!);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync()
    {
        if (ownData is not null) Script("stop", ownData);
        return ValueTask.CompletedTask;
    }

    private static string Script(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Tests.TestSupport.TestRoot.RepositoryRoot, ".ci", "postgres.sh"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($".ci/postgres.sh {args[0]} failed: {error.Result}");
    }
}
