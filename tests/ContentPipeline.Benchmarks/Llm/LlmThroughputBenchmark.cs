using System.Text.Json;
using ContentPipeline.Cli;
using ContentPipeline.Data;
using ContentPipeline.Hosting;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace ContentPipeline.Benchmarks.Llm;

/// <summary>
/// <c>llm [--articles 200] [--concurrency 8] [--latency-ms 250] [--workers 16]</c>: ingests the articles and runs a digest
/// against a local chat-completions endpoint that takes latency-ms per call, with Llm:MaxConcurrency set;
/// prints the summaries' makespan beside the ideal (articles / concurrency × latency) as a ratio. Then
/// summarizes the same texts again and prints how many model calls that made (the cache should make none).
/// </summary>
internal static class LlmThroughputBenchmark
{
    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var articles = Option(args, "--articles", 200);
        var concurrency = Option(args, "--concurrency", 8);
        var latency = TimeSpan.FromMilliseconds(Option(args, "--latency-ms", 250));
        var workers = Option(args, "--workers", concurrency * 2);
        using var folder = new TestRoot();
        var root = folder.Root;
        var inputs = Directory.CreateDirectory(Path.Combine(folder.Path, "in")).FullName;
        for (var i = 1; i <= articles; i++) File.WriteAllText(Path.Combine(inputs, $"story-{i:D4}.txt"), Article(i));

        await using var server = await ChatCompletionsServer.StartAsync(r => EchoModel.Answer(r) with { Delay = latency });
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "OpenAI",
            ["Llm:Endpoint"] = new Uri(server.Address, "v1").ToString(),
            ["Llm:Model"] = "bench-model",
            ["Llm:MaxConcurrency"] = concurrency.ToString(),
            ["Jobs:WorkerCount"] = workers.ToString(),
            ["Jobs:SchedulePollingSeconds"] = "0.2",
        };
        await RunCommandAsync(root, settings, "ingest", inputs);
        await RunCommandAsync(root, settings, "digest", "--timeout", "900");

        await using (var db = TestDb.Open(root))
        {
            var calls = await db.ModelCalls.AsNoTracking().Where(c => c.Purpose == "summary").ToListAsync();
            var start = calls.Min(c => c.CreatedAt.AddMilliseconds(-c.DurationMs));
            var makespan = (calls.Max(c => c.CreatedAt) - start).TotalSeconds;
            var ideal = articles / (double)concurrency * latency.TotalSeconds;
            Console.WriteLine($"summarize {articles} articles through Hangfire ({workers} workers), Llm:MaxConcurrency={concurrency}, {latency.TotalMilliseconds:0} ms per call");
            Console.WriteLine($"  model calls        {calls.Count}");
            Console.WriteLine($"  most in flight     {server.MaxInFlight} (limit {concurrency})");
            Console.WriteLine($"  makespan           {makespan:F2} s");
            Console.WriteLine($"  ideal              {ideal:F2} s  ({articles} / {concurrency} x {latency.TotalSeconds:0.###} s)");
            Console.WriteLine($"  makespan / ideal   {makespan / ideal:F3}  (goal <= 1.15)");
        }

        var before = server.Requests.Count;
        await RunCommandAsync(root, settings, ["summarize", "--json", .. Directory.GetFiles(inputs).Order()]);
        Console.WriteLine($"second run over the same {articles} texts: {server.Requests.Count - before} model calls (goal 0)");
        return 0;
    }

    private static async Task RunCommandAsync(ContentRoot root, Dictionary<string, string?> settings, params string[] args)
    {
        var cli = new CommandLine(Program.AddFeatures, Program.MapEndpoints)
        {
            Root = root,
            Configure = b => b.Configuration.AddInMemoryCollection(settings),
        };
        var output = new StringWriter();
        var code = await cli.RunAsync(args, output, output);
        if (code != 0) throw new InvalidOperationException($"{args[0]} exited {code}: {output}");
    }

    private static readonly string[] Places = ["Ashby", "Brant", "Corley", "Dunmore", "Elsworth", "Fenwick", "Garston", "Holme", "Ickley", "Jarrow"];
    private static readonly string[] Subjects = ["council", "school board", "rowing club", "hospital trust", "water company", "bus operator", "library", "museum"];
    private static readonly string[] Actions = ["approved", "rejected", "postponed", "funded", "redesigned", "opened", "closed", "expanded"];
    private static readonly string[] Things = ["harbour plan", "cycle lane", "car park", "market hall", "sports ground", "night bus", "flood wall", "reading room"];

    /// <summary>Distinct stories (a seeded mix of places, subjects and numbers), so none is a near-duplicate of another.</summary>
    private static string Article(int i)
    {
        var random = new Random(i);
        string Pick(string[] words) => words[random.Next(words.Length)];
        var place = $"{Pick(Places)} {Pick(["North", "South", "East", "West", "Upper", "Lower"])}";
        var text = new System.Text.StringBuilder($"{place} {Pick(Subjects)} {Pick(Actions)} {Pick(Things)}\n\n");
        for (var s = 0; s < 5; s++)
            text.Append($"The {Pick(Subjects)} in {place} {Pick(Actions)} the {Pick(Things)} on day {random.Next(1, 365)} after {random.Next(2, 90)} " +
                        $"residents wrote about the {Pick(Things)} and a cost of {random.Next(1, 999)} thousand pounds. ");
        return text.ToString();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }
}
