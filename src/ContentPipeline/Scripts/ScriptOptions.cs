using System.ComponentModel.DataAnnotations;

namespace ContentPipeline.Scripts;

/// <summary>Script: the podcast-script draft written for each issue.</summary>
public sealed class ScriptOptions
{
    public const string Section = "Script";

    /// <summary>Host names; one host reads alone, two or more make a conversation.</summary>
    [MinLength(1)]
    public List<string> Hosts { get; set; } = [];

    [Range(1, 120)]
    public double TargetMinutes { get; set; } = 5;

    [Range(60, 300)]
    public int WordsPerMinute { get; set; } = 150;

    /// <summary>The xml:lang of script.ssml.</summary>
    [Required]
    public string Language { get; set; } = "en-GB";

    /// <summary>Text-to-speech voice name per host (by default the host's own name).</summary>
    public Dictionary<string, string> Voices { get; set; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> HostNames => Hosts.Count > 0 ? Hosts : DefaultHosts;

    /// <summary>The host when none is configured (a collection's default stays empty: binding appends to a list).</summary>
    public static readonly IReadOnlyList<string> DefaultHosts = ["Alex"];
}
