using ContentPipeline.Jobs;
using System.ComponentModel;

namespace ContentPipeline.Issues;

/// <summary>The recurring "daily-digest": resumes unfinished issues, then composes today's from what is new.</summary>
[Hangfire.AutomaticRetry(Attempts = PipelineRetry.Attempts, DelaysInSeconds = [5, 30, 120])]
public sealed class DailyDigestJob(IssueFlow flow)
{
    public const string RecurringId = "daily-digest";

    /// <summary>The returned line is the job's result, shown on its page in the dashboard.</summary>
    [DisplayName("Daily digest")]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var start = await flow.StartOrResumeAsync(cancellationToken);
        var resumed = start.Resumed.Count == 0 ? "" : $" Resumed unfinished issue(s) {string.Join(", ", start.Resumed)}.";
        return start.Composed is { } issueId
            ? $"Issue {issueId} is on its way: see /admin/issues/{issueId}.{resumed}"
            : $"Nothing new: no article is waiting for an issue, so no new issue was composed.{resumed}";
    }
}
