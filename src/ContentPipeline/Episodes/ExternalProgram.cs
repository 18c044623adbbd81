using System.ComponentModel;
using System.Diagnostics;

namespace ContentPipeline.Episodes;

/// <summary>
/// Runs one of the offline programs (espeak-ng, ffmpeg, ffprobe) as a separate process: espeak-ng is GPL and is never
/// linked, only run. A program that is missing, exits with an error or overruns its time says so in words.
/// </summary>
internal static class ExternalProgram
{
    public static async Task<string> RunAsync(string path, string package, IEnumerable<string> arguments, TimeSpan timeout,
        CancellationToken cancellationToken, string? stdin = null)
    {
        var name = Path.GetFileName(path);
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            throw new EpisodeException($"{name} was not found at {path}: install it with apt-get install {package}");
        }
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new EpisodeException($"{name} took longer than {timeout.TotalSeconds:0} s (Speech:TimeoutSeconds)");
        }
        var stderr = (await error).Trim();
        if (process.ExitCode != 0)
            throw new EpisodeException($"{name} failed (exit {process.ExitCode}): {Last(stderr)}");
        // ffmpeg reports on stderr (its filters' summaries too); callers that read a report get both streams.
        return (await output) + stderr;
    }

    private static string Last(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "no message" : string.Join(" ", lines.TakeLast(2));
    }
}

/// <summary>Why an episode could not be made, in words for the operator (it is stored as the episode's reason).</summary>
public sealed class EpisodeException(string message) : Exception(message);
