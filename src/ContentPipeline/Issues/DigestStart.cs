namespace ContentPipeline.Issues;

/// <summary>What a digest run set going: the unfinished issues it resumed, and the issue it composed (null when nothing was new).</summary>
public sealed record DigestStart(IReadOnlyList<long> Resumed, long? Composed)
{
    /// <summary>Every issue the run waits for, oldest first.</summary>
    public IReadOnlyList<long> Issues => Composed is { } id ? [.. Resumed, id] : Resumed;
}
