using ContentPipeline.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Subscribers;

public sealed record AddSubscriberResult(Subscriber? Subscriber, string? Error, bool Created);

/// <summary>Adds, finds and unsubscribes subscribers; addresses are unique case-insensitively.</summary>
public sealed class SubscriberRegistry(AppDbContext db, TimeProvider clock)
{
    public async Task<AddSubscriberResult> AddAsync(string email, string? name, string origin, SubscriberStatus status,
        CancellationToken cancellationToken)
    {
        if (!SubscriberInput.TryValidate(email, name, out var valid, out var validName, out var error)) return new(null, error, false);

        var normalized = EmailAddresses.Normalize(valid);
        var existing = await db.Subscribers.SingleOrDefaultAsync(s => s.NormalizedEmail == normalized, cancellationToken);
        if (existing is not null) return new(existing, null, false);

        var now = clock.GetUtcNow().UtcDateTime;
        var subscriber = new Subscriber
        {
            Email = valid,
            NormalizedEmail = normalized,
            Name = validName,
            Status = status,
            Origin = origin,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync(cancellationToken);
        return new(subscriber, null, true);
    }

    public Task<List<Subscriber>> ListAsync(CancellationToken cancellationToken) =>
        db.Subscribers.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);

    /// <summary>True when the subscriber exists; unsubscribing twice is fine.</summary>
    public async Task<bool> UnsubscribeAsync(long subscriberId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Subscribers.Where(s => s.Id == subscriberId && s.Status != SubscriberStatus.Unsubscribed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubscriberStatus.Unsubscribed).SetProperty(x => x.UpdatedAt, now),
                cancellationToken);
        return changed == 1 || await db.Subscribers.AnyAsync(s => s.Id == subscriberId, cancellationToken);
    }

    /// <summary>
    /// Claims the right to mail a pending subscriber the confirmation link: at most once per <paramref name="window"/>,
    /// however often the form is sent (one conditional update, so two requests at once cannot both win).
    /// </summary>
    public async Task<bool> ClaimConfirmationAsync(long subscriberId, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now - window;
        return await db.Subscribers.Where(s => s.Id == subscriberId && s.Status == SubscriberStatus.Pending
                && (s.ConfirmationSentAt == null || s.ConfirmationSentAt <= before))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmationSentAt, now), cancellationToken) == 1;
    }

    /// <summary>Activates a pending subscriber; true also when already confirmed, false when unknown or no longer subscribed.</summary>
    public async Task<bool> ConfirmAsync(long subscriberId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Subscribers.Where(s => s.Id == subscriberId && s.Status == SubscriberStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubscriberStatus.Active).SetProperty(x => x.ConfirmedAt, now)
                .SetProperty(x => x.UpdatedAt, now), cancellationToken);
        return changed == 1 || await db.Subscribers.AnyAsync(s => s.Id == subscriberId && s.Status == SubscriberStatus.Active, cancellationToken);
    }
}
