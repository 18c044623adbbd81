using ContentPipeline.Issues;
using System.CommandLine;
using ContentPipeline.Data;
using ContentPipeline.Episodes;
using ContentPipeline.Episodes.Speech;
using ContentPipeline.Hosting;
using ContentPipeline.Jobs;
using ContentPipeline.Llm;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Cli;

/// <summary>
/// digest: resumes every issue whose work is unfinished, then composes a new one, and runs their jobs through
/// Hangfire in this process until each is final. Exit 0 when all are sent (or nothing was new), 1 when one
/// failed, 3 on timeout (run digest again to resume).
/// </summary>
internal static class DigestCommand
{
    public static Command Create(CommandLine cli, string[] configArgs)
    {
        var outDir = new Option<string?>("--out") { Description = "Folder for newsletter.html, newsletter.txt, script.md, script.ssml and the episode's episode.mp3, chapters.json and transcript.vtt (default data/issues/<id>)" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the issue to be final", DefaultValueFactory = _ => 600 };
        var command = new Command("digest", "Compose (or resume) an issue, send it, and write its files") { outDir, timeout };
        command.SetAction(async (result, ct) =>
        {
            using var host = cli.BuildCli(configArgs, jobServer: true, result.GetValue(CommandLine.Verbose));
            await host.StartAsync(ct);
            try
            {
                return await RunAsync(host.Services, result.GetValue(outDir), result.GetValue(timeout), result.InvocationConfiguration.Output, ct);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        });
        return command;
    }

    internal static async Task<int> RunAsync(IServiceProvider services, string? outDir, int timeoutSeconds, TextWriter output, CancellationToken ct)
    {
        DigestStart start;
        await using (var scope = services.CreateAsyncScope())
            start = await scope.ServiceProvider.GetRequiredService<IssueFlow>().StartOrResumeAsync(ct);
        foreach (var resumed in start.Resumed) await output.WriteLineAsync($"resuming issue #{resumed}");
        if (start.Composed is null)
            await output.WriteLineAsync(start.Resumed.Count == 0
                ? "nothing new: no article is waiting for an issue; nothing was sent"
                : "nothing new: no article is waiting for an issue, so no new issue was composed");
        if (start.Issues.Count == 0) return 0;

        var progress = await WatchAsync(services, start.Issues, TimeSpan.FromSeconds(timeoutSeconds), output, ct);
        var exit = 0;
        foreach (var issueId in start.Issues)
        {
            var p = progress[issueId];
            if (p is not ({ IsFinal: true } or { State: IssueState.AwaitingApproval }))
            {
                await output.WriteLineAsync($"timed out after {timeoutSeconds} s: issue #{issueId} is still {p?.State}{(p?.Waiting is { } why ? $" ({why})" : "")}; run digest again to resume it");
                exit = 3;
                continue;
            }
            // --out names the folder of the issue this run composed; resumed issues go to their own folders.
            var folder = services.GetRequiredService<ContentRoot>().Resolve(issueId == start.Composed && outDir is not null ? outDir : $"data/issues/{issueId}");
            var episode = await WriteFilesAsync(services, issueId, folder, ct);
            var episodeFiles = episode is { State: EpisodeState.Ready } ? ", episode.mp3, chapters.json, transcript.vtt" : "";
            await output.WriteLineAsync($"issue #{issueId} {p.State.ToString().ToLowerInvariant()}: {p.Articles - p.ArticlesFailed} article(s), " +
                $"{p.ArticlesFailed} failed; deliveries: {p.Sent} sent, {p.Deferred} deferred, {p.Failed} failed{(p.Cancelled > 0 ? $", {p.Cancelled} cancelled" : "")}");
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await output.WriteLineAsync($"model: {await ModelUsage.ForIssueAsync(db, issueId, ct)}");
                var speech = await SpeechUsage.ForIssueAsync(db, issueId, services.GetRequiredService<IOptions<SpeechOptions>>().Value, ct);
                if (speech.Calls > 0) await output.WriteLineAsync($"speech: {speech}");
            }
            await output.WriteLineAsync($"files: {folder}{Path.DirectorySeparatorChar}{{newsletter.html, newsletter.txt, script.md, script.ssml{episodeFiles}}}");
            await output.WriteLineAsync(episode switch
            {
                null => "episode: none (Speech:Enabled is off, or espeak-ng and ffmpeg are not installed)",
                { State: EpisodeState.Ready } => $"episode: {TimeSpan.FromSeconds(Math.Round(episode.DurationSeconds)):m\\:ss}, {episode.Segments} segment(s)",
                _ => $"episode failed: {episode.Error}",
            });
            if (p.State is not (IssueState.Sent or IssueState.AwaitingApproval) && exit == 0) exit = 1;
        }
        return exit;
    }

    private static async Task<Dictionary<long, IssueProgress?>> WatchAsync(IServiceProvider services, IReadOnlyList<long> issueIds, TimeSpan timeout,
        TextWriter output, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        var failures = new FailedJobs(services.GetRequiredService<JobStorage>());
        var last = new Dictionary<long, string?>();
        var progress = new Dictionary<long, IssueProgress?>();
        while (true)
        {
            await using (var scope = services.CreateAsyncScope())
                foreach (var issueId in issueIds)
                    progress[issueId] = await IssueProgress.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), issueId, ct);
            foreach (var (issueId, p) in progress)
            {
                var line = p?.Describe();
                if (line != last.GetValueOrDefault(issueId)) await output.WriteLineAsync($"issue #{issueId}: {last[issueId] = line}");
            }
            foreach (var failure in failures.New()) await output.WriteLineAsync($"job failed: {failure}");
            if (progress.Values.All(p => p is null || p.IsFinal || p.State == IssueState.AwaitingApproval) || DateTime.UtcNow >= deadline) return progress;
            await Task.Delay(200, ct);
        }
    }

    /// <summary>Writes the issue's files into the folder; returns its episode (without the audio), if it has one.</summary>
    private static async Task<Episode?> WriteFilesAsync(IServiceProvider services, long issueId, string folder, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var issue = await db.Issues.AsNoTracking().SingleAsync(i => i.Id == issueId, ct);
        var script = await db.ScriptDrafts.AsNoTracking().Where(s => s.IssueId == issueId).SingleOrDefaultAsync(ct);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "newsletter.html"), issue.Html ?? "", ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "newsletter.txt"), issue.Text ?? "", ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "script.md"), script?.Markdown ?? $"No script draft: {issue.Error ?? "none was written"}\n", ct);
        if (script is not null) await File.WriteAllTextAsync(Path.Combine(folder, "script.ssml"), script.Ssml, ct);
        var episode = await db.Episodes.AsNoTracking().Where(e => e.IssueId == issueId).SingleOrDefaultAsync(ct);
        if (episode is { State: EpisodeState.Ready, Audio: { } audio })
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "episode.mp3"), audio, ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "chapters.json"), episode.ChaptersJson ?? "", ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "transcript.vtt"), episode.Transcript ?? "", ct);
            episode.Audio = null;
        }
        return episode;
    }

    /// <summary>Hangfire jobs that failed for good while we watched, with their reason.</summary>
    private sealed class FailedJobs
    {
        private readonly JobStorage _storage;
        private readonly HashSet<string> _seen;

        /// <summary>Failures already there when we start (shared job storage keeps other runs' history) are not this run's.</summary>
        public FailedJobs(JobStorage storage)
        {
            _storage = storage;
            _seen = storage.GetMonitoringApi().FailedJobs(0, 50).Select(j => j.Key).ToHashSet();
        }

        public IEnumerable<string> New()
        {
            var api = _storage.GetMonitoringApi();
            foreach (var (id, job) in api.FailedJobs(0, 50))
                if (_seen.Add(id)) yield return $"{job.Job?.Method.Name} #{id}: {job.ExceptionMessage}";
        }
    }
}
