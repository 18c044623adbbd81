using System.ComponentModel;

namespace ContentPipeline.Jobs;

/// <summary>The recurring "daily-digest": resumes an unfinished issue or composes today's from what is new.</summary>
[Hangfire.AutomaticRetry(Attempts = PipelineRetry.Attempts, DelaysInSeconds = [5, 30, 120])]
public sealed class DailyDigestJob(IssueFlow flow)
{
    public const string RecurringId = "daily-digest";

    [DisplayName("Daily digest")]
    public Task RunAsync(CancellationToken cancellationToken) => flow.StartOrResumeAsync(cancellationToken);
}
