namespace ContentPipeline.Data;

public enum SubscriberStatus { Pending, Active, Unsubscribed, Bounced, Complained }

public sealed class Subscriber
{
    public long Id { get; set; }
    /// <summary>As given (trimmed); NormalizedEmail is the unique, case-insensitive key.</summary>
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public string? Name { get; set; }
    public SubscriberStatus Status { get; set; }
    /// <summary>How the subscriber came: "cli", "import", "web", "admin", "api" (the column and the export's field are still "source").</summary>
    public required string Origin { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>When the subscriber confirmed by the double opt-in link; null when added without confirmation.</summary>
    public DateTime? ConfirmedAt { get; set; }
    /// <summary>When the last double opt-in mail was queued: at most one per Subscribers:ConfirmationHours / 8, however often the form is sent.</summary>
    public DateTime? ConfirmationSentAt { get; set; }
    /// <summary>Consecutive permanent (5xx) recipient refusals across issues; reset by an accepted message.</summary>
    public int HardBounces { get; set; }
}
