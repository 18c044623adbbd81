using ContentPipeline.Data;

namespace ContentPipeline.Issues;

/// <summary>
/// One stage of the issue pipeline, implemented by the stage's own job class in its feature folder: the state an issue
/// is in while the stage works on it, and how to set that work going. Static, so the pipeline needs no instance of a
/// job (and none of its dependencies) to know or start it. A stage that finishes calls <see cref="IssueFlow.CompleteAsync"/>.
/// </summary>
public interface IIssueStage
{
    static abstract IssueState State { get; }

    /// <summary>Queues the stage's job(s) for an issue in <see cref="State"/>. Also called on resume, so harmless when they are queued or done.</summary>
    static abstract Task StartAsync(IssueStageContext context, long issueId, CancellationToken cancellationToken);
}
