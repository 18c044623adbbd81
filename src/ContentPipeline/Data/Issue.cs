namespace ContentPipeline.Data;

/// <summary>
/// Where an issue is in the pipeline. Each state names the job that moves it on; AwaitingApproval (only with
/// Digest:RequireApproval) waits for an admin instead.
/// </summary>
public enum IssueState { Summarizing, Scripting, Recording, Rendering, AwaitingApproval, FanningOut, Sending, Sent, Failed }

/// <summary>One newsletter edition.</summary>
public sealed class Issue
{
    public long Id { get; set; }
    public IssueState State { get; set; }
    public string? Subject { get; set; }
    /// <summary>The web version (no subscriber's name or links): archive, preview and digest --out.</summary>
    public string? Html { get; set; }
    public string? Text { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>When an admin approved the issue for sending, and who (Digest:RequireApproval).</summary>
    public DateTime? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }

    public static bool IsFinal(IssueState state) => state is IssueState.Sent or IssueState.Failed;
}
