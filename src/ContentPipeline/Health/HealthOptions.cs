using System.ComponentModel.DataAnnotations;

namespace ContentPipeline.Health;

/// <summary>Health: how long /healthz waits for each dependency.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>The SMTP check (connect and EHLO) gives up after this many seconds.</summary>
    [Range(1, 60)]
    public int SmtpTimeoutSeconds { get; set; } = 5;
}
