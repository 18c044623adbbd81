namespace ContentPipeline.Data;

/// <summary>Duplicate: the same story as DuplicateOfId (same link, same text, or nearly the same text); never summarized or sent.</summary>
public enum ArticleStatus { New, Summarized, Failed, Duplicate }

/// <summary>One ingested article. Text is the cleaned article; RawText is what arrived.</summary>
public sealed class Article
{
    public long Id { get; set; }
    public string? Title { get; set; }
    public string? Url { get; set; }
    /// <summary>Where it came from: a file path, a URL or "api".</summary>
    public required string Origin { get; set; }
    public required string Text { get; set; }
    public required string RawText { get; set; }
    /// <summary>SHA-256 of the cleaned text, hex: the same text is stored once.</summary>
    public required string ContentHash { get; set; }
    public ArticleStatus Status { get; set; }
    public string? Error { get; set; }
    /// <summary>The issue this article went into; an article enters at most one issue.</summary>
    public long? IssueId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    /// <summary>The feed it came from, if any.</summary>
    public long? SourceId { get; set; }
    /// <summary>The first copy of this story, when this one is a duplicate.</summary>
    public long? DuplicateOfId { get; set; }
    /// <summary>MinHash of the text's five-word shingles, for near-duplicate detection.</summary>
    public byte[]? Signature { get; set; }
}
