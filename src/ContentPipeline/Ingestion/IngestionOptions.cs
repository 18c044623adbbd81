using System.ComponentModel.DataAnnotations;

namespace ContentPipeline.Ingestion;

/// <summary>Ingestion: limits on what is read and fetched.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Largest file or response body read, in bytes.</summary>
    [Range(1024, 100_000_000)]
    public int MaxBytes { get; set; } = 5_000_000;

    /// <summary>An input with fewer words after cleaning is refused as "no article text".</summary>
    [Range(1, 1000)]
    public int MinWords { get; set; } = 20;

    [Range(1, 600)]
    public int FetchTimeoutSeconds { get; set; } = 30;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Off by default: fetching refuses loopback, private and link-local addresses, so an article URL cannot reach internal services.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>A feed item with fewer words than this is a teaser: its linked page is fetched for the full text (when FetchFullText is on).</summary>
    [Range(0, 10_000)]
    public int TeaserWords { get; set; } = 120;

    public bool FetchFullText { get; set; } = true;

    /// <summary>Texts whose estimated shingle similarity reaches this are the same story; the later one is stored as a duplicate.</summary>
    [Range(0.3, 1.0)]
    public double NearDuplicateThreshold { get; set; } = 0.6;

    /// <summary>How far back (days) a new article is compared with earlier ones.</summary>
    [Range(1, 365)]
    public int NearDuplicateWindowDays { get; set; } = 7;

    /// <summary>When the recurring poll-feeds job runs (cron, UTC); each source is fetched when its own next attempt is due.</summary>
    [Required]
    public string PollSchedule { get; set; } = "*/15 * * * *";

    /// <summary>Minutes between two fetches of a healthy source.</summary>
    [Range(1, 10_080)]
    public int PollIntervalMinutes { get; set; } = 60;

    /// <summary>Seconds between two requests to the same host; at most one request to a host is in flight.</summary>
    [Range(0, 600)]
    public double PerHostDelaySeconds { get; set; } = 2;

    /// <summary>A failing source is retried after PollIntervalMinutes × 2^(failures-1), capped at this many hours.</summary>
    [Range(1, 720)]
    public int MaxBackoffHours { get; set; } = 24;

    [Required]
    public string UserAgent { get; set; } = "ContentPipeline/1.0 (self-hosted newsletter pipeline)";
}
