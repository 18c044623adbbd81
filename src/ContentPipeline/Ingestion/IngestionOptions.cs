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

    [Required]
    public string UserAgent { get; set; } = "ContentPipeline/1.0 (+https://github.com/contentpipeline)";
}
