using ContentPipeline.Data;

namespace ContentPipeline.Issues;

/// <summary>One step of the pipeline: a stage's state and start, or a gate (a state an issue waits in for a person) and when it applies.</summary>
public sealed record IssuePipelineStep(IssueState State, Func<IssueStageContext, long, CancellationToken, Task>? Start, Func<IServiceProvider, bool> Applies);

/// <summary>
/// The issue's stages in order, as Program.cs lists them. An issue is composed in the first; each stage that finishes
/// moves it to the next step that applies (a gate such as approval only when configured), and after the last it is Sent.
/// </summary>
public sealed class IssuePipeline(IReadOnlyList<IssuePipelineStep> steps)
{
    public IReadOnlyList<IssuePipelineStep> Steps { get; } = steps.Count > 0 ? steps : throw new ArgumentException("the pipeline has no stage", nameof(steps));

    public IssueState First => Steps[0].State;

    public IssuePipelineStep? Step(IssueState state) => Steps.FirstOrDefault(s => s.State == state);

    /// <summary>The state that follows <paramref name="state"/> here: the next step that applies, or Sent after the last.</summary>
    public IssueState Next(IssueState state, IServiceProvider services)
    {
        var index = Steps.ToList().FindIndex(s => s.State == state);
        if (index < 0) throw new InvalidOperationException($"{state} is not a step of the issue pipeline");
        return Steps.Skip(index + 1).FirstOrDefault(s => s.Applies(services))?.State ?? IssueState.Sent;
    }
}

/// <summary>Lists the stages in Program.cs: <c>.Then&lt;SomeJob&gt;()</c> per stage, <c>.ThenApproval()</c> for the approval gate.</summary>
public sealed class IssuePipelineBuilder
{
    private readonly List<IssuePipelineStep> _steps = [];

    public IssuePipelineBuilder Then<TStage>() where TStage : IIssueStage
    {
        Add(new IssuePipelineStep(TStage.State, TStage.StartAsync, _ => true));
        return this;
    }

    /// <summary>A state an issue waits in until a person moves it on, when <paramref name="applies"/> says so for this configuration.</summary>
    public IssuePipelineBuilder ThenGate(IssueState state, Func<IServiceProvider, bool> applies)
    {
        Add(new IssuePipelineStep(state, null, applies));
        return this;
    }

    internal IssuePipeline Build() => new(_steps);

    private void Add(IssuePipelineStep step)
    {
        if (step.State is IssueState.Sent or IssueState.Failed || _steps.Any(s => s.State == step.State))
            throw new InvalidOperationException($"{step.State} cannot be a step of the pipeline twice, nor a final state");
        _steps.Add(step);
    }
}
