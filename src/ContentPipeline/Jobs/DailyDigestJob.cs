using System.ComponentModel;

namespace ContentPipeline.Jobs;

/// <summary>The recurring "daily-digest": resumes an unfinished issue or composes today's from what is new.</summary>
[Hangfire.AutomaticRetry(Attempts = PipelineRetry.Attempts, DelaysInSeconds = [5, 30, 120])]
public sealed class DailyDigestJob(IssueFlow flow)
{
    public const string RecurringId = "daily-digest";

    /// <summary>The returned line is the job's result, shown on its page in the dashboard.</summary>
    [DisplayName("Daily digest")]
    public async Task<string> RunAsync(CancellationToken cancellationToken) =>
        await flow.StartOrResumeAsync(cancellationToken) is { } issueId
            ? $"Issue {issueId} is on its way: see /admin/issues/{issueId}"
            : "Nothing new: no article is waiting for an issue, so nothing was sent";
}
