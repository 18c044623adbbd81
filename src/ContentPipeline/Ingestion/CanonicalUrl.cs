namespace ContentPipeline.Ingestion;

/// <summary>
/// The form two links to the same story share: scheme and host lower-cased, default port, fragment and
/// tracking parameters (utm_*, fbclid, gclid and friends) removed.
/// </summary>
public static class CanonicalUrl
{
    private static readonly HashSet<string> Tracking = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_hsenc", "_hsmi", "ref_src", "cmpid",
    };

    public static string? From(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return null;
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(Uri.UnescapeDataString(p.Split('=')[0])));
        var builder = new UriBuilder(uri)
        {
            Scheme = uri.Scheme.ToLowerInvariant(),
            Host = uri.Host.ToLowerInvariant(),
            Port = uri.IsDefaultPort ? -1 : uri.Port,
            Query = string.Join("&", query),
            Fragment = "",
        };
        return builder.Uri.AbsoluteUri;
    }

    private static bool IsTracking(string name) => name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || Tracking.Contains(name);
}
