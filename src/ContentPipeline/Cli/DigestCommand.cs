using System.CommandLine;
using ContentPipeline.Data;
using ContentPipeline.Hosting;
using ContentPipeline.Jobs;
using ContentPipeline.Llm;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Cli;

/// <summary>
/// digest: resumes an issue whose work is unfinished, or composes a new one, and runs its jobs through
/// Hangfire in this process until the issue is final. Exit 0 when sent (or nothing new), 1 when it
/// failed, 3 on timeout (run digest again to resume).
/// </summary>
internal static class DigestCommand
{
    public static Command Create(CommandLine cli, string[] configArgs)
    {
        var outDir = new Option<string?>("--out") { Description = "Folder for newsletter.html, newsletter.txt, script.md and script.ssml (default data/issues/<id>)" };
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
        long? issueId;
        await using (var scope = services.CreateAsyncScope())
            issueId = await scope.ServiceProvider.GetRequiredService<IssueFlow>().StartOrResumeAsync(ct);
        if (issueId is null)
        {
            await output.WriteLineAsync("nothing new: no article is waiting for an issue; nothing was sent");
            return 0;
        }

        var progress = await WatchAsync(services, issueId.Value, TimeSpan.FromSeconds(timeoutSeconds), output, ct);
        if (progress is not ({ IsFinal: true } or { State: IssueState.AwaitingApproval }))
        {
            await output.WriteLineAsync($"timed out after {timeoutSeconds} s: issue #{issueId} is still {progress?.State}; run digest again to resume it");
            return 3;
        }

        var folder = services.GetRequiredService<ContentRoot>().Resolve(outDir ?? $"data/issues/{issueId}");
        await WriteFilesAsync(services, issueId.Value, folder, ct);
        await output.WriteLineAsync($"issue #{issueId} {progress.State.ToString().ToLowerInvariant()}: {progress.Articles - progress.ArticlesFailed} article(s), " +
            $"{progress.ArticlesFailed} failed; deliveries: {progress.Sent} sent, {progress.Deferred} deferred, {progress.Failed} failed");
        await using (var scope = services.CreateAsyncScope())
            await output.WriteLineAsync(
                $"model: {await ModelUsage.ForIssueAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), issueId.Value, ct)}");
        await output.WriteLineAsync($"files: {folder}{Path.DirectorySeparatorChar}{{newsletter.html, newsletter.txt, script.md, script.ssml}}");
        return progress.State is IssueState.Sent or IssueState.AwaitingApproval ? 0 : 1;
    }

    private static async Task<IssueProgress?> WatchAsync(IServiceProvider services, long issueId, TimeSpan timeout, TextWriter output, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        var failures = new FailedJobs(services.GetRequiredService<JobStorage>());
        string? last = null;
        IssueProgress? progress;
        while (true)
        {
            await using (var scope = services.CreateAsyncScope())
                progress = await IssueProgress.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), issueId, ct);
            var line = progress?.Describe();
            if (line != last) await output.WriteLineAsync($"issue #{issueId}: {last = line}");
            foreach (var failure in failures.New()) await output.WriteLineAsync($"job failed: {failure}");
            if (progress is null || progress.IsFinal || progress.State == IssueState.AwaitingApproval || DateTime.UtcNow >= deadline) return progress;
            await Task.Delay(200, ct);
        }
    }

    private static async Task WriteFilesAsync(IServiceProvider services, long issueId, string folder, CancellationToken ct)
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
