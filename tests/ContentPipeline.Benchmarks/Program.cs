using ContentPipeline.Benchmarks.Rouge;

// Each benchmark is one named entry; add new ones to this table.
var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["rouge"] = RougeBenchmark.Run,
};

if (args.Length > 0 && benchmarks.TryGetValue(args[0], out var run))
    return run(args[1..]);

Console.Error.WriteLine($"usage: dotnet run -c Release --project tests/ContentPipeline.Benchmarks -- <benchmark> [options]");
Console.Error.WriteLine($"benchmarks: {string.Join(", ", benchmarks.Keys)}");
return 2;
