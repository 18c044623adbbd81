using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ContentPipeline.Subscribers;

/// <summary>
/// Opaque, signed unsubscribe tokens (ASP.NET Core Data Protection): a token names one subscriber and
/// cannot be forged or edited to name another.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("ContentPipeline.Unsubscribe.v1");

    public string Create(long subscriberId) => _protector.Protect(subscriberId.ToString(CultureInfo.InvariantCulture));

    public bool TryRead(string? token, out long subscriberId)
    {
        subscriberId = 0;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1024) return false;
        try
        {
            return long.TryParse(_protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out subscriberId);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
