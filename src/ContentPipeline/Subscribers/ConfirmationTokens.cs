using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Subscribers;

/// <summary>
/// Signed, expiring double opt-in tokens (ASP.NET Core Data Protection, time-limited): a token names one
/// pending subscriber, cannot be forged, and stops working after Subscribers:ConfirmationHours. A separate
/// purpose from unsubscribe tokens, so neither kind can stand in for the other.
/// </summary>
public sealed class ConfirmationTokens(IDataProtectionProvider provider, IOptions<SubscribersOptions> options, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("ContentPipeline.Confirm.v1").ToTimeLimitedDataProtector();

    public string Create(long subscriberId) =>
        _protector.Protect(subscriberId.ToString(CultureInfo.InvariantCulture), clock.GetUtcNow().AddHours(options.Value.ConfirmationHours));

    /// <summary>For tests and tools: a token with a chosen expiry.</summary>
    public string Create(long subscriberId, DateTimeOffset expires) => _protector.Protect(subscriberId.ToString(CultureInfo.InvariantCulture), expires);

    public bool TryRead(string? token, out long subscriberId)
    {
        subscriberId = 0;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1024) return false;
        try
        {
            return long.TryParse(_protector.Unprotect(token, out _), NumberStyles.None, CultureInfo.InvariantCulture, out subscriberId);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
