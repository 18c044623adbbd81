namespace ContentPipeline.Data;

/// <summary>
/// Pending: not tried yet. Sending: claimed by a worker, SMTP transaction under way.
/// Deferred: a temporary failure, retried at NextAttemptAt. Sent, Failed and Cancelled (an admin stopped the rest of
/// an issue that could not finish) are final.
/// </summary>
public enum DeliveryState { Pending, Sending, Deferred, Sent, Failed, Cancelled }

/// <summary>One issue to one subscriber; the (IssueId, SubscriberId) pair is unique, so it is sent at most once.</summary>
public sealed class Delivery
{
    public long Id { get; set; }
    public long IssueId { get; set; }
    public long SubscriberId { get; set; }
    public int Batch { get; set; }
    public DeliveryState State { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public required string MessageId { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? ClaimedAt { get; set; }
    /// <summary>Names the claim that took this row for sending, so a worker reads back exactly the rows it claimed.</summary>
    public Guid? ClaimToken { get; set; }
    public DateTime? SentAt { get; set; }
}
