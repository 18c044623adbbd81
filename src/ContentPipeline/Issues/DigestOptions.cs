using System.ComponentModel.DataAnnotations;

namespace ContentPipeline.Issues;

/// <summary>Digest: when the recurring daily-digest job runs.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>A cron expression (five fields), in TimeZone.</summary>
    [Required]
    public string Schedule { get; set; } = "0 7 * * *";

    /// <summary>An IANA time zone id, such as Europe/London.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>When on, a rendered issue waits in AwaitingApproval until an admin approves it; nothing is sent before.</summary>
    public bool RequireApproval { get; set; }
}
