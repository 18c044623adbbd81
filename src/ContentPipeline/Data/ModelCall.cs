namespace ContentPipeline.Data;

public enum ModelCallOutcome { Succeeded, Failed, ContentFiltered }

/// <summary>
/// One call to a model (after its retries), recorded so it is never paid for twice: a later request with
/// the same CacheKey (same provider, model, prompt version and content) is answered from ResponseText.
/// </summary>
public sealed class ModelCall
{
    public long Id { get; set; }
    /// <summary>SHA-256 of provider, model, messages and response schema, hex.</summary>
    public required string CacheKey { get; set; }
    /// <summary>What the call was for, e.g. "summary" or "script".</summary>
    public required string Purpose { get; set; }
    public long? ArticleId { get; set; }
    public long? IssueId { get; set; }
    public required string Provider { get; set; }
    public required string Model { get; set; }
    public ModelCallOutcome Outcome { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
    /// <summary>Estimated from Llm:Prices; 0 when the model has no price there.</summary>
    public decimal Cost { get; set; }
    public long DurationMs { get; set; }
    public string? ResponseText { get; set; }
    public string? FinishReason { get; set; }
    public DateTime CreatedAt { get; set; }
}
