using System.ComponentModel.DataAnnotations;

namespace ContentPipeline.Delivery;

public enum DeliveryMode { Pickup, Smtp }

/// <summary>Delivery: how messages leave (a pickup folder or SMTP), in what batches, and how failures are retried.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    public DeliveryMode Mode { get; set; } = DeliveryMode.Pickup;

    [Required]
    public string PickupDirectory { get; set; } = "data/outbox";

    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Seconds to wait before each retry of a deferred message (the last repeats).</summary>
    [MinLength(1)]
    public List<int> RetryDelays { get; set; } = [];

    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>A message claimed longer ago than this was abandoned by a stopped worker and is tried again.</summary>
    [Range(10, 86_400)]
    public int LeaseSeconds { get; set; } = 300;

    public TimeSpan RetryDelay(int attempt)
    {
        var delays = RetryDelays.Count > 0 ? RetryDelays : [30, 120, 600, 1800];
        return TimeSpan.FromSeconds(delays[Math.Clamp(attempt - 1, 0, delays.Count - 1)]);
    }
}
