using System.ComponentModel.DataAnnotations;

namespace ContentPipeline.Summaries;

/// <summary>Summaries: how long each article's summary is.</summary>
public sealed class SummaryOptions
{
    public const string Section = "Summaries";

    /// <summary>Sentences per summary; ignored when Words is set.</summary>
    [Range(1, 20)]
    public int Sentences { get; set; } = 3;

    /// <summary>A word budget instead of a sentence count (optional).</summary>
    [Range(10, 1000)]
    public int? Words { get; set; }
}
