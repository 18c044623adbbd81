using ContentPipeline.Issues;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ContentPipeline.Data;
using ContentPipeline.Episodes;
using ContentPipeline.Episodes.Speech;
using ContentPipeline.Jobs;
using ContentPipeline.Llm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Cli;

/// <summary>issues list [--json]: every issue with its state, counts, and what its model calls cost.</summary>
internal static class IssuesCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(CommandLine cli, string[] configArgs)
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per issue" };
        var list = new Command("list", "List issues, newest first") { json };
        list.SetAction(async (result, ct) =>
        {
            using var host = cli.BuildCli(configArgs, jobServer: false, result.GetValue(CommandLine.Verbose));
            await host.StartAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var output = result.InvocationConfiguration.Output;
            var speechOptions = scope.ServiceProvider.GetRequiredService<IOptions<SpeechOptions>>().Value;
            var issues = await db.Issues.AsNoTracking().OrderByDescending(i => i.Id).Select(i => new { i.Id, i.Subject, i.CreatedAt, i.SentAt }).ToListAsync(ct);
            if (!result.GetValue(json))
                await output.WriteLineAsync($"{"id",5}  {"state",-11} {"created (UTC)",-16}  {"articles",8}  {"sent",6} {"deferred",8} {"failed",6}  {"calls",5} {"tokens in",10} {"out",8} {"cost",8}  subject");
            foreach (var issue in issues)
            {
                var progress = (await IssueProgress.LoadAsync(db, issue.Id, ct))!;
                var usage = await ModelUsage.ForIssueAsync(db, issue.Id, ct);
                var speech = await SpeechUsage.ForIssueAsync(db, issue.Id, speechOptions, ct);
                var created = issue.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                await output.WriteLineAsync(result.GetValue(json)
                    ? JsonSerializer.Serialize(new
                    {
                        id = issue.Id, state = progress.State.ToString(), subject = issue.Subject, createdAt = issue.CreatedAt, sentAt = issue.SentAt,
                        articles = progress.Articles - progress.ArticlesFailed, failedArticles = progress.ArticlesFailed,
                        sent = progress.Sent, deferred = progress.Deferred, failed = progress.Failed, cancelled = progress.Cancelled,
                        waiting = progress.Waiting, failedBecause = progress.FailedBecause, error = progress.Error,
                        modelCalls = usage.Calls, inputTokens = usage.InputTokens, outputTokens = usage.OutputTokens, cost = usage.Cost,
                        speechCalls = speech.Calls, speechCharacters = speech.Characters, speechCost = speech.Cost,
                    }, Json)
                    : $"{issue.Id,5}  {progress.State,-11} {created,-16}  {progress.Articles - progress.ArticlesFailed,8}  {progress.Sent,6} {progress.Deferred,8} " +
                      $"{progress.Failed,6}  {usage.Calls,5} {usage.InputTokens,10:N0} {usage.OutputTokens,8:N0} {usage.Cost,8:0.####}  {issue.Subject}" +
                      (speech.Calls > 0 ? $"\n       speech: {speech}" : "") + (progress.Waiting is { } why ? $"\n       waiting: {why}" : "") + (progress.FailedBecause is { } failed ? $"\n       {failed}" : "") +
                      (progress.Error is { } error ? $"\n       error: {error}" : ""));
            }
            return 0;
        });
        return new Command("issues", "Newsletter issues") { list };
    }
}
