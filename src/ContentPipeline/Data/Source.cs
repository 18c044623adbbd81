namespace ContentPipeline.Data;

/// <summary>A feed the poll-feeds job fetches on a schedule, with what the last fetches said.</summary>
public sealed class Source
{
    public long Id { get; set; }
    /// <summary>The feed's canonical URL; unique.</summary>
    public required string Url { get; set; }
    public string? Title { get; set; }
    /// <summary>Fetch the linked page when an item is only a teaser (null: Ingestion:FetchFullText decides).</summary>
    public bool? FetchFullText { get; set; }
    public string? ETag { get; set; }
    public DateTimeOffset? LastModified { get; set; }
    public DateTime? LastFetchedAt { get; set; }
    public DateTime? LastSuccessAt { get; set; }
    public string? LastError { get; set; }
    public int ConsecutiveFailures { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int ArticlesStored { get; set; }
    public DateTime CreatedAt { get; set; }
}
