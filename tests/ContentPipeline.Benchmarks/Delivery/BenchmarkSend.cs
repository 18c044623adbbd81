using ContentPipeline.Issues;
using System.Diagnostics;
using ContentPipeline.Data;
using ContentPipeline.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace ContentPipeline.Benchmarks.Delivery;

/// <summary>
/// One measured send: an issue resumed (fan-out, then every batch), timed until it is final, with the process's CPU, JIT and GC
/// during it, and its working set sampled every quarter second.
/// </summary>
internal static class BenchmarkSend
{
    public sealed record Round(double PerSecond, long MessageBytes, TimeSpan Cpu, long PeakWorkingSet, double ReferenceAfter);

    public static async Task<(double PerSecond, TimeSpan Cpu, long PeakWorkingSet)> MeasureAsync(IServiceProvider services, long issueId, int subscribers, bool quiet)
    {
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var gcPauseBefore = GC.GetTotalPauseDuration();
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IssueFlow>().ResumeAsync(issueId, default);
        var lastReport = TimeSpan.Zero;
        var peak = Environment.WorkingSet;
        while (true)
        {
            await Task.Delay(250);
            peak = Math.Max(peak, Environment.WorkingSet);
            IssueProgress progress;
            await using (var scope = services.CreateAsyncScope())
                progress = (await IssueProgress.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), issueId, default))!;
            if (!quiet && (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(2) || progress.IsFinal))
            {
                lastReport = clock.Elapsed;
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:N1} s  {progress.Describe(),-70} working set {Environment.WorkingSet / 1048576} MB, GC heap {GC.GetTotalMemory(false) / 1048576} MB");
            }
            if (!progress.IsFinal) continue;
            if (progress.Sent != subscribers) throw new InvalidOperationException($"only {progress.Sent} of {subscribers} were sent: {progress.Describe()}");
            var elapsed = clock.Elapsed;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            if (!quiet)
            {
                Console.WriteLine($"  JIT during the send {(System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds:N0} ms; " +
                    $"allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0 / subscribers:N1} KB per message; " +
                    $"GC pauses {(GC.GetTotalPauseDuration() - gcPauseBefore).TotalMilliseconds:N0} ms of {elapsed.TotalMilliseconds:N0} ms " +
                    $"({GC.CollectionCount(0) - collectionsBefore[0]} collections, {GC.CollectionCount(1) - collectionsBefore[1]} of gen 1, {GC.CollectionCount(2) - collectionsBefore[2]} of gen 2)");
            }
            return (subscribers / elapsed.TotalSeconds, cpu, peak);
        }
    }
}
