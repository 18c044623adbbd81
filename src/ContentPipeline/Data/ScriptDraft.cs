namespace ContentPipeline.Data;

/// <summary>The podcast-script draft for one issue: segments as JSON, rendered to Markdown for producers.</summary>
public sealed class ScriptDraft
{
    public long Id { get; set; }
    public long IssueId { get; set; }
    public required string SegmentsJson { get; set; }
    public required string Markdown { get; set; }
    /// <summary>The same script in SSML, for text-to-speech.</summary>
    public string Ssml { get; set; } = "";
    public int WordCount { get; set; }
    public required string Provider { get; set; }
    public required string Model { get; set; }
    public required string PromptVersion { get; set; }
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
    public DateTime CreatedAt { get; set; }
}
