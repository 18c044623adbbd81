using ContentPipeline.Benchmarks.Delivery;
using ContentPipeline.Benchmarks.Episodes;
using ContentPipeline.Benchmarks.Feeds;
using ContentPipeline.Benchmarks.Llm;
using ContentPipeline.Benchmarks.Rouge;
using ContentPipeline.Benchmarks.Scale;

namespace ContentPipeline.Benchmarks;

/// <summary>
/// The benchmarks, by name. Not top-level statements: the host's own Program class (its feature list)
/// must stay visible here.
/// </summary>
internal static class Benchmarks
{
    private static readonly Dictionary<string, Func<string[], int>> All = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rouge"] = RougeBenchmark.Run,
        ["llm"] = LlmThroughputBenchmark.Run,
        ["feeds"] = FeedBenchmark.Run,
        ["delivery"] = args => DeliveryBenchmark.RunAsync(args).GetAwaiter().GetResult(),
        ["scale"] = ScaleBenchmark.Run,
        ["episode"] = EpisodeBenchmark.Run,
    };

    public static int Main(string[] args)
    {
        if (args.Length > 0 && All.TryGetValue(args[0], out var run))
            return run(args[1..]);

        Console.Error.WriteLine("usage: dotnet run -c Release --project tests/ContentPipeline.Benchmarks -- <benchmark> [options]");
        Console.Error.WriteLine($"benchmarks: {string.Join(", ", All.Keys)}");
        return 2;
    }
}
