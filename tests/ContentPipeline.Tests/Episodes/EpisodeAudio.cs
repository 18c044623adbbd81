using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ContentPipeline.Tests.Episodes;

/// <summary>What Debian's ffprobe and ffmpeg measure in an MP3: its duration, its ID3 chapters and its loudness.</summary>
internal static partial class EpisodeAudio
{
    public static double Duration(string mp3) =>
        double.Parse(Run("/usr/bin/ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", mp3).Trim(), CultureInfo.InvariantCulture);

    public static List<(double Start, string Title)> Chapters(string mp3)
    {
        using var json = JsonDocument.Parse(Run("/usr/bin/ffprobe", "-v", "error", "-show_chapters", "-of", "json", mp3));
        return json.RootElement.GetProperty("chapters").EnumerateArray()
            .Select(c => (double.Parse(c.GetProperty("start_time").GetString()!, CultureInfo.InvariantCulture), c.GetProperty("tags").GetProperty("title").GetString()!))
            .ToList();
    }

    /// <summary>EBU R128 integrated loudness (LUFS) and true peak (dBTP), from ffmpeg's ebur128 filter.</summary>
    public static (double Integrated, double TruePeak) Loudness(string mp3)
    {
        var report = Run("/usr/bin/ffmpeg", "-hide_banner", "-nostats", "-i", mp3, "-af", "ebur128=peak=true", "-f", "null", "-");
        var summary = report[report.LastIndexOf("Summary:", StringComparison.Ordinal)..];
        return (double.Parse(Integrated().Match(summary).Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(Peak().Match(summary).Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>A real MP3 of a sine tone, made by ffmpeg, for tests that serve or play an episode without speaking one.</summary>
    public static void Tone(string mp3, int seconds) =>
        Run("/usr/bin/ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", $"sine=frequency=440:duration={seconds}", "-ac", "1", "-b:a", "64k", "-y", mp3);

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {error.Result}");
        return output + error.Result;
    }

    [GeneratedRegex(@"I:\s+(-?\d+(?:\.\d+)?) LUFS")]
    private static partial Regex Integrated();

    [GeneratedRegex(@"Peak:\s+(-?\d+(?:\.\d+)?) dBFS")]
    private static partial Regex Peak();
}
