using System.ComponentModel.DataAnnotations;

namespace ContentPipeline.Delivery;

public enum DeliveryMode { Pickup, Smtp }

/// <summary>Delivery: how messages leave (a pickup folder or SMTP), in what batches, how fast, and how failures are retried.</summary>
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

    /// <summary>The backoff when none is configured (a collection's default stays empty: binding appends to a list).</summary>
    public static readonly IReadOnlyList<int> DefaultRetryDelays = [30, 120, 600, 1800];

    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>A message claimed longer ago than this was abandoned by a stopped worker and is tried again.</summary>
    [Range(10, 86_400)]
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>SMTP connections open at once; also the number of batches sent in parallel.</summary>
    [Range(1, 64)]
    public int MaxConnections { get; set; } = 4;

    /// <summary>Messages sent over one connection before it is closed and a new one opened.</summary>
    [Range(1, 1_000_000)]
    public int MessagesPerConnection { get; set; } = 1000;

    /// <summary>Pace across every worker of this process; 0 means no limit.</summary>
    [Range(0, 100_000)]
    public double MessagesPerSecond { get; set; }

    /// <summary>Cap over any rolling hour in this process; 0 means no limit. Messages over it are deferred until the hour allows.</summary>
    [Range(0, 10_000_000)]
    public int MessagesPerHour { get; set; }

    /// <summary>Consecutive permanent recipient refusals (5xx), across issues, after which a subscriber is marked bounced.</summary>
    [Range(1, 100)]
    public int BounceAfter { get; set; } = 3;

    /// <summary>Deliveries claimed per database round trip; also the most a crash can send twice per worker.</summary>
    [Range(1, 1000)]
    public int ClaimChunk { get; set; } = 50;

    public TimeSpan RetryDelay(int attempt)
    {
        var delays = RetryDelays.Count > 0 ? RetryDelays : DefaultRetryDelays;
        return TimeSpan.FromSeconds(delays[Math.Clamp(attempt - 1, 0, delays.Count - 1)]);
    }
}
