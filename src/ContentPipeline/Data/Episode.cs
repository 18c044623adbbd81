namespace ContentPipeline.Data;

public enum EpisodeState { Ready, Failed }

/// <summary>
/// The podcast episode of one issue, at most one (IssueId is unique). The MP3 is kept in the database, so every node
/// of a cluster can serve it without a shared folder; a failed episode keeps its reason and the issue goes on without it.
/// </summary>
public sealed class Episode
{
    public long Id { get; set; }
    public long IssueId { get; set; }
    public EpisodeState State { get; set; }
    public string? Error { get; set; }
    /// <summary>The MP3, loudness-normalised, with ID3v2 chapters; null when the episode failed.</summary>
    public byte[]? Audio { get; set; }
    /// <summary>Measured from the MP3 itself (ffprobe), not estimated from words.</summary>
    public double DurationSeconds { get; set; }
    /// <summary>Podcasting 2.0 chapters (JSON, version 1.2.0).</summary>
    public string? ChaptersJson { get; set; }
    /// <summary>WebVTT, a cue per segment with its speaker.</summary>
    public string? Transcript { get; set; }
    public required string Provider { get; set; }
    public int Segments { get; set; }
    public DateTime CreatedAt { get; set; }
}
