using System.Diagnostics;
using ContentPipeline.Data;
using ContentPipeline.Hosting;
using ContentPipeline.Jobs;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContentPipeline.Benchmarks.Delivery;

/// <summary>
/// delivery [--subscribers N] [--connections C] [--size BYTES] [--warmup N] [--rounds R] [--keep] [--Section:Key=value ...]: sends one issue of about SIZE bytes
/// to N subscribers through Hangfire and MailKit into Postfix's smtp-sink, and prints our rate beside
/// smtp-source's at the same number of connections, in the same run, with peak memory. Memory is sampled
/// as the send goes, so a run at 100,000 shows whether it grows with the list.
/// </summary>
public static class DeliveryBenchmark
{
    private static readonly Action<IHostApplicationBuilder, ContentPipeline.Hosting.HostRole> AddFeatures = Program.AddFeatures;

    public static async Task<int> RunAsync(string[] args)
    {
        var subscribers = Option(args, "--subscribers", 20_000);
        var connections = Option(args, "--connections", 16);
        var size = Option(args, "--size", 20_480);
        // 32 send jobs of 500: the runtime optimises a method after 30 calls, and Hangfire's are called once per job.
        var warmup = Option(args, "--warmup", 16_000);
        var rounds = Math.Max(1, Option(args, "--rounds", 3));
        if (SmtpSink.Find("smtp-sink") is not { } sinkPath || SmtpSink.Find("smtp-source") is not { } sourcePath)
        {
            Console.Error.WriteLine("smtp-sink and smtp-source are missing: apt-get install -y postfix (they ship with it)");
            return 2;
        }

        using var sink = await SmtpSink.StartAsync(sinkPath);
        Console.WriteLine($"delivery benchmark: {subscribers:N0} subscribers, ~{size / 1024} KB each, {connections} connections, {rounds} rounds, sink on port {sink.Port}");
        if (warmup > 0)
        {
            // The same send, smaller, in its own folder first: the measured run then sees code the JIT has already
            // optimised (tiered compilation), as a long-running host would, instead of timing the compiler.
            using var warm = new TestRoot();
            var rate = (await SendRoundsAsync(warm.Root, sink.Port, warmup, connections, size, 1, Settings(args), null, quiet: true)).Rounds[0].PerSecond;
            Console.WriteLine($"warm-up:                 {rate,10:N0} messages/s ({warmup:N0} messages, not counted)");
        }

        var folder = new TestRoot();
        try
        {
            // Rounds alternate with the reference (ref, ours, ref, ours, ref ...): each round is set against the
            // readings just before and after it, since on a shared machine the ceiling moves from minute to minute.
            // smtp-source sends messages of our size, so both push the same bytes.
            var (reference, results) = await SendRoundsAsync(folder.Root, sink.Port, subscribers, connections, size, rounds, Settings(args),
                async bytes =>
                {
                    var (rate, cpu) = await sink.ReferenceAsync(sourcePath, connections, subscribers, (int)bytes);
                    Console.WriteLine($"reference (smtp-source): {rate,10:N0} messages/s, {cpu.TotalMicroseconds / subscribers,6:N0} us CPU per message (-l {bytes})");
                    return rate;
                });
            var ratios = new List<double>();
            var before = reference;
            foreach (var (round, r) in results.Index())
            {
                var ratio = r.PerSecond / ((before + r.ReferenceAfter) / 2);
                ratios.Add(ratio);
                Console.WriteLine($"round {round + 1}: ours {r.PerSecond,7:N0} messages/s, {r.Cpu.TotalMicroseconds / subscribers,4:N0} us CPU per message " +
                    $"(messages of {r.MessageBytes / 1024.0:N1} KB); smtp-source before {before,7:N0}, after {r.ReferenceAfter,7:N0}; ratio {ratio:N2}");
                before = r.ReferenceAfter;
            }
            ratios.Sort();
            Console.WriteLine($"ratio ours / reference:  {ratios[ratios.Count / 2],10:N2}  (median of {ratios.Count} rounds, each against the mean of the readings " +
                $"around it; range {ratios[0]:N2}-{ratios[^1]:N2}; goal >= 0.6; the machine's load at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
            Console.WriteLine($"peak working set:        {results.Max(r => r.PeakWorkingSet) / 1048576,6} MB during the sends (goal <= 300 MB); " +
                $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB for the whole process, seeding the subscribers included");
            return 0;
        }
        finally
        {
            if (!args.Contains("--keep")) folder.Dispose();
            else Console.WriteLine($"kept {folder.Path}");
        }
    }

    /// <summary>
    /// One host; per round a new issue to every subscriber and its send measured. <paramref name="reference"/> (given the
    /// message size) runs before the first round and after each; its first reading is returned beside the rounds.
    /// </summary>
    private static async Task<(double Before, List<BenchmarkSend.Round> Rounds)> SendRoundsAsync(ContentRoot folder, int port, int subscribers,
        int connections, int size, int rounds, IEnumerable<KeyValuePair<string, string?>> extra, Func<long, Task<double>>? reference, bool quiet = false)
    {
        var settings = SmtpSettings.For(port, new Dictionary<string, string?>
        {
            ["Delivery:MaxConnections"] = connections.ToString(),
            ["Delivery:BatchSize"] = "500",
            ["Jobs:SchedulePollingSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        foreach (var (key, value) in extra) settings[key] = value;
        using var host = AppHost.BuildCli([], jobServer: true, verbose: false, AddFeatures, folder,
            b => b.Configuration.AddInMemoryCollection(settings));
        await host.StartAsync();
        try
        {
            var results = new List<BenchmarkSend.Round>();
            double before = 0;
            for (var round = 1; round <= rounds; round++)
            {
                long issueId;
                await using (var scope = host.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    issueId = round == 1 ? await BenchmarkIssue.SeedAsync(db, subscribers, size) : await BenchmarkIssue.NewIssueAsync(db);
                }
                var bytes = await BenchmarkIssue.GrowToAsync(host.Services, issueId, size);
                if (round == 1 && !quiet)
                    Console.WriteLine($"composition alone, one thread: {await BenchmarkIssue.ComposeRateAsync(host.Services, issueId, 2000),10:N0} messages/s");
                // Seeding 20,000 rows through EF, and rendering the issue as it grows, make thousands of methods hot; the
                // runtime then recompiles them optimised on a background thread (tiered compilation), which took a quarter
                // of the CPU during the first send and some of the next. Each send starts once that queue has drained; the
                // JIT time it still meets is printed.
                var settled = await JitSettledAsync();
                if (!quiet) Console.WriteLine($"JIT settled:             {settled.TotalSeconds,10:N1} s before send {round}");
                // The importer's garbage (100,000 parsed rows) is not the send's: a server sends long after an import,
                // in another process. Collected and given back here, so the memory sampled during the send is the send's.
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                if (round == 1 && reference is not null) before = await reference(bytes);
                var (perSecond, cpu, peak) = await BenchmarkSend.MeasureAsync(host.Services, issueId, subscribers, quiet);
                results.Add(new BenchmarkSend.Round(perSecond, bytes, cpu, peak, reference is null ? 0 : await reference(bytes)));
            }
            return (before, results);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>Waits (at most 30 s) until no method has been compiled for a second; returns how long that took.</summary>
    private static async Task<TimeSpan> JitSettledAsync()
    {
        var clock = Stopwatch.StartNew();
        var count = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(1000);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == count) break;
            count = now;
        }
        return clock.Elapsed;
    }

    /// <summary>Extra settings as --Section:Key=value, for example --Delivery:ClaimChunk=100.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> Settings(string[] args) =>
        args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':') && a.Contains('='))
            .Select(a => new KeyValuePair<string, string?>(a[2..a.IndexOf('=')], a[(a.IndexOf('=') + 1)..]));

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
    }
}
