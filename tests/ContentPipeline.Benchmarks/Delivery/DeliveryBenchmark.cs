using System.Diagnostics;
using ContentPipeline.Data;
using ContentPipeline.Hosting;
using ContentPipeline.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContentPipeline.Benchmarks.Delivery;

/// <summary>
/// delivery [--subscribers N] [--connections C] [--size BYTES] [--warmup N] [--keep] [--Section:Key=value ...]: sends one issue of about SIZE bytes
/// to N subscribers through Hangfire and MailKit into Postfix's smtp-sink, and prints our rate beside
/// smtp-source's at the same number of connections, in the same run, with peak memory. Memory is sampled
/// as the send goes, so a run at 100,000 shows whether it grows with the list.
/// </summary>
public static class DeliveryBenchmark
{
    private static readonly Action<IHostApplicationBuilder> AddFeatures = Program.AddFeatures;

    public static async Task<int> RunAsync(string[] args)
    {
        var subscribers = Option(args, "--subscribers", 20_000);
        var connections = Option(args, "--connections", 16);
        var size = Option(args, "--size", 20_480);
        var warmup = Option(args, "--warmup", 5_000);
        if (SmtpSink.Find("smtp-sink") is not { } sinkPath || SmtpSink.Find("smtp-source") is not { } sourcePath)
        {
            Console.Error.WriteLine("smtp-sink and smtp-source are missing: apt-get install -y postfix (they ship with it)");
            return 2;
        }

        using var sink = await SmtpSink.StartAsync(sinkPath);
        Console.WriteLine($"delivery benchmark: {subscribers:N0} subscribers, ~{size / 1024} KB each, {connections} connections, sink on port {sink.Port}");
        var (reference, referenceCpu) = await sink.ReferenceAsync(sourcePath, connections, subscribers, size);
        Console.WriteLine($"reference (smtp-source): {reference,10:N0} messages/s, {referenceCpu.TotalMicroseconds / subscribers,6:N0} us CPU per message");

        if (warmup > 0)
        {
            // The same send, smaller, in its own folder first: the measured run then sees code the JIT has already
            // optimised (tiered compilation), as a long-running host would, instead of timing the compiler.
            var warm = BenchmarkFolder.Create();
            try
            {
                var (rate, _, _) = await SendAsync(warm, sink.Port, warmup, connections, size, Settings(args), quiet: true);
                Console.WriteLine($"warm-up:                 {rate,10:N0} messages/s ({warmup:N0} messages, not counted)");
            }
            finally
            {
                Directory.Delete(warm.Path, recursive: true);
            }
        }

        var folder = BenchmarkFolder.Create();
        try
        {
            var (ours, bytes, cpu) = await SendAsync(folder, sink.Port, subscribers, connections, size, Settings(args));
            Console.WriteLine($"ours (Hangfire+MailKit): {ours,10:N0} messages/s, {cpu.TotalMicroseconds / subscribers,6:N0} us CPU per message " +
                $"(the send alone; messages of {bytes / 1024.0:N1} KB)");
            // The reference again, after ours: on a shared machine the two readings show how much the ceiling moved.
            var (again, _) = await sink.ReferenceAsync(sourcePath, connections, subscribers, size);
            Console.WriteLine($"reference again, after:  {again,10:N0} messages/s");
            var mean = (reference + again) / 2;
            Console.WriteLine($"ratio ours / reference:  {ours / mean,10:N2}  (against the mean of both readings; {ours / Math.Max(reference, again):N2}-{ours / Math.Min(reference, again):N2} " +
                $"against either; goal >= 0.6; the machine's load at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
            Console.WriteLine($"peak working set:        {Environment.WorkingSet / 1048576,6} MB now, {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB peak (goal <= 300 MB)");
            return 0;
        }
        finally
        {
            if (!args.Contains("--keep")) Directory.Delete(folder.Path, recursive: true);
            else Console.WriteLine($"kept {folder.Path}");
        }
    }

    private static async Task<(double PerSecond, long MessageBytes, TimeSpan Cpu)> SendAsync(ContentRoot folder, int port, int subscribers, int connections, int size,
        IEnumerable<KeyValuePair<string, string?>> extra, bool quiet = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Delivery:Mode"] = "Smtp",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = port.ToString(),
            ["Smtp:Security"] = "None",
            ["Delivery:MaxConnections"] = connections.ToString(),
            ["Delivery:BatchSize"] = "500",
            ["Jobs:SchedulePollingSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        using var host = AppHost.BuildCli([], jobServer: true, verbose: false, AddFeatures, folder,
            b => b.Configuration.AddInMemoryCollection(settings));
        await host.StartAsync();
        try
        {
            long issueId;
            await using (var scope = host.Services.CreateAsyncScope())
                issueId = await BenchmarkIssue.SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), subscribers, size);
            var bytes = await BenchmarkIssue.GrowToAsync(host.Services, issueId, size);
            if (!quiet) Console.WriteLine($"composition alone, one thread: {await BenchmarkIssue.ComposeRateAsync(host.Services, issueId, 2000),10:N0} messages/s");
            if (Environment.GetEnvironmentVariable("BENCH_COMPOSE_ONLY") == "1") return (0, bytes, TimeSpan.Zero);

            // Seeding 20,000 rows through EF makes thousands of methods hot; the runtime then recompiles them
            // optimised on a background thread (tiered compilation), which would take a quarter of the CPU during
            // the send. The send starts once that queue has drained, and the JIT time it still meets is printed.
            var settled = await JitSettledAsync();
            if (!quiet) Console.WriteLine($"JIT settled:             {settled.TotalSeconds,10:N1} s before the send");
            var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var gcPauseBefore = GC.GetTotalPauseDuration();
            var clock = Stopwatch.StartNew();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            await using (var scope = host.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<IssueFlow>().ResumeAsync(issueId, default);
            var lastReport = TimeSpan.Zero;
            while (true)
            {
                await Task.Delay(250);
                IssueProgress progress;
                await using (var scope = host.Services.CreateAsyncScope())
                    progress = (await IssueProgress.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), issueId, default))!;
                if (!quiet && (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(2) || progress.IsFinal))
                {
                    lastReport = clock.Elapsed;
                    Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:N1} s  {progress.Describe(),-70} working set {Environment.WorkingSet / 1048576} MB, GC heap {GC.GetTotalMemory(false) / 1048576} MB");
                }
                if (progress.IsFinal)
                {
                    if (progress.Sent != subscribers) throw new InvalidOperationException($"only {progress.Sent} of {subscribers} were sent: {progress.Describe()}");
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                    if (!quiet)
                    {
                        Console.WriteLine($"JIT during the send:     {(System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds,10:N0} ms");
                        Console.WriteLine($"allocated per message:   {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0 / subscribers,10:N1} KB, " +
                            $"GC pauses {(GC.GetTotalPauseDuration() - gcPauseBefore).TotalMilliseconds:N0} ms of {clock.Elapsed.TotalMilliseconds:N0} ms");
                    }
                    return (subscribers / clock.Elapsed.TotalSeconds, bytes, cpu);
                }
            }
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
