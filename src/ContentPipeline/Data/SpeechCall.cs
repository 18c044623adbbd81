namespace ContentPipeline.Data;

public enum SpeechCallOutcome { Succeeded, Failed }

/// <summary>
/// One synthesis (a segment of an episode), recorded like a model call and never paid for twice: a later request with
/// the same CacheKey (provider, voice, model, speed, language and text) is answered from Audio.
/// </summary>
public sealed class SpeechCall
{
    public long Id { get; set; }
    /// <summary>SHA-256 of provider, model, voice, speed, language and text, hex.</summary>
    public required string CacheKey { get; set; }
    public long? IssueId { get; set; }
    public required string Provider { get; set; }
    public required string Model { get; set; }
    public required string Voice { get; set; }
    public int Characters { get; set; }
    public SpeechCallOutcome Outcome { get; set; }
    public string? Error { get; set; }
    /// <summary>The audio as the provider returned it (WAV for the offline voice).</summary>
    public byte[]? Audio { get; set; }
    public string? MediaType { get; set; }
    public long DurationMs { get; set; }
    public DateTime CreatedAt { get; set; }
}
