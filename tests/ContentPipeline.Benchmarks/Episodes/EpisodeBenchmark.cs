using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContentPipeline.Cli;
using ContentPipeline.Data;
using ContentPipeline.Episodes;
using ContentPipeline.Hosting;
using ContentPipeline.Scripts;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContentPipeline.Benchmarks.Episodes;

/// <summary>
/// <c>episode [--minutes 5]</c>: writes the samples' script for a two-host episode of that length (digest with speech
/// off), then times the Recording stage alone (RenderEpisodeJob: synthesis per segment, join, two ffmpeg passes, ffprobe,
/// store). Prints its wall time beside the audio's duration (real-time factor) and beside espeak-ng and the same ffmpeg
/// chain run directly on the script's whole text in this run (overhead ratio, goal &lt;= 1.2), the peak working set of
/// this process during the stage, and what a second run costs (the speech cache should make no call).
/// </summary>
internal static partial class EpisodeBenchmark
{
    private const string Compressor = "acompressor=threshold=0.1:ratio=4:attack=2:release=60:makeup=2.5";

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var minutes = Option(args, "--minutes", 5);
        using var folder = new TestRoot();
        var root = folder.Root;
        var settings = new Dictionary<string, string?>
        {
            ["Jobs:SchedulePollingSeconds"] = "0.2",
            ["Speech:Enabled"] = "false",
            ["Script:TargetMinutes"] = minutes.ToString(CultureInfo.InvariantCulture),
            ["Script:Hosts:0"] = "Alex", ["Script:Hosts:1"] = "Sam",
            ["Script:Voices:Alex"] = "en-gb+m3", ["Script:Voices:Sam"] = "en-us+f2",
        };
        var samples = Path.Combine(TestRoot.RepositoryRoot, DemoCommand.SamplesFolder);
        await RunCommandAsync(root, settings, "ingest", samples);
        await RunCommandAsync(root, settings, "digest");
        settings["Speech:Enabled"] = "true";

        using var host = AppHost.BuildCli([], jobServer: false, verbose: false, Program.AddFeatures, root, b => b.Configuration.AddInMemoryCollection(settings));
        await host.StartAsync();
        var (ours, peak) = await TimeStageAsync(host.Services, root);
        await using var db = Open(root);
        var episode = await db.Episodes.AsNoTracking().SingleAsync();
        if (episode.State != EpisodeState.Ready) throw new InvalidOperationException($"the episode failed: {episode.Error}");
        var calls = await db.SpeechCalls.CountAsync();
        var script = JsonSerializer.Deserialize<ScriptAnswer>(await db.ScriptDrafts.AsNoTracking().Select(s => s.SegmentsJson).SingleAsync(),
            JsonSerializerOptions.Web)!;
        var words = script.Segments.Sum(s => s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        var reference = await ReferenceAsync(string.Join(" ", script.Segments.Select(s => s.Text)));

        await db.Episodes.ExecuteDeleteAsync();
        var (cached, _) = await TimeStageAsync(host.Services, root);
        var newCalls = await db.SpeechCalls.CountAsync() - calls;
        await host.StopAsync();

        Console.WriteLine($"episode of {script.Segments.Count} segments, {words} words, two hosts, target {minutes} min at 150 words per minute");
        Console.WriteLine($"  audio duration (ffprobe)   {episode.DurationSeconds:F1} s  ({episode.DurationSeconds / (minutes * 60.0):P1} of the target)");
        Console.WriteLine($"  Recording stage, wall      {ours.TotalSeconds:F2} s  (real-time factor {ours.TotalSeconds / episode.DurationSeconds:F4})");
        Console.WriteLine($"  espeak-ng + ffmpeg direct  {reference.TotalSeconds:F2} s  (one espeak-ng run on the whole text, the same two ffmpeg passes)");
        Console.WriteLine($"  overhead ratio             {ours / reference:F3}  (goal <= 1.2)");
        Console.WriteLine($"  peak working set           {peak / 1048576.0:F0} MB (this process, during the stage; espeak-ng and ffmpeg run apart)");
        Console.WriteLine($"  second run                 {cached.TotalSeconds:F2} s, {newCalls} synthesis call(s) (goal 0)");
        return 0;
    }

    private static async Task<(TimeSpan Wall, long PeakWorkingSet)> TimeStageAsync(IServiceProvider services, ContentRoot root)
    {
        await using (var db = Open(root))
            await db.Issues.ExecuteUpdateAsync(s => s.SetProperty(i => i.State, IssueState.Recording));
        GC.Collect();
        var peak = 0L;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
                await Task.Delay(20);
            }
        });
        var watch = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RenderEpisodeJob>().RunAsync(1, CancellationToken.None);
        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        return (watch.Elapsed, peak);
    }

    /// <summary>What the stage does, by hand: espeak-ng once over the whole text, then ffmpeg's measuring and encoding passes.</summary>
    private static async Task<TimeSpan> ReferenceAsync(string text)
    {
        var folder = Directory.CreateTempSubdirectory("contentpipeline-bench-ref-").FullName;
        try
        {
            var watch = Stopwatch.StartNew();
            var wav = Path.Combine(folder, "all.wav");
            var input = Path.Combine(folder, "all.txt");
            await File.WriteAllTextAsync(input, text);
            await RunAsync("/usr/bin/espeak-ng", "-v", "en-gb+m3", "-s", "150", "-w", wav, "-f", input);
            var report = await RunAsync("/usr/bin/ffmpeg", "-hide_banner", "-nostats", "-i", wav, "-af", $"{Compressor},ebur128", "-f", "null", "-");
            var measured = double.Parse(Loudness().Matches(report)[^1].Groups[1].Value, CultureInfo.InvariantCulture);
            await RunAsync("/usr/bin/ffmpeg", "-v", "error", "-y", "-i", wav,
                "-af", $"{Compressor},volume={(-16 - measured).ToString("0.00", CultureInfo.InvariantCulture)}dB,alimiter=limit=0.7499:level=false:attack=2:release=50",
                "-ar", "44100", "-ac", "1", "-c:a", "libmp3lame", "-b:a", "64k", "-compression_level", "7", Path.Combine(folder, "all.mp3"));
            await RunAsync("/usr/bin/ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", Path.Combine(folder, "all.mp3"));
            return watch.Elapsed;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} exited {process.ExitCode}: {await error}");
        return output + await error;
    }

    private static async Task RunCommandAsync(ContentRoot root, Dictionary<string, string?> settings, params string[] args)
    {
        var cli = new CommandLine(Program.AddFeatures, Program.MapEndpoints) { Root = root, Configure = b => b.Configuration.AddInMemoryCollection(settings) };
        var output = new StringWriter();
        var code = await cli.RunAsync(args, output, output);
        if (code != 0) throw new InvalidOperationException($"{args[0]} exited {code}: {output}");
    }

    private static AppDbContext Open(ContentRoot root) => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite(DataExtensions.SqliteConnectionString("Data Source=data/contentpipeline.db", root)).Options);

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }

    [GeneratedRegex(@"I:\s+(-?\d+(?:\.\d+)?) LUFS")]
    private static partial Regex Loudness();
}
