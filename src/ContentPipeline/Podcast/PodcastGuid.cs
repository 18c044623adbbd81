using System.Security.Cryptography;
using System.Text;

namespace ContentPipeline.Podcast;

/// <summary>UUIDv5 (RFC 4122, SHA-1) as the Podcasting 2.0 namespace specifies podcast:guid.</summary>
public static class PodcastGuid
{
    /// <summary>The namespace the Podcasting 2.0 specification fixes for podcast:guid.</summary>
    public static readonly Guid Namespace = new("ead4c236-bf58-58c6-a2c6-a6b28d128cb6");

    /// <summary>The show's guid: the feed URL without its scheme and trailing slashes, as the specification says.</summary>
    public static Guid ForFeed(string feedUrl)
    {
        var name = feedUrl.Trim();
        var scheme = name.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) name = name[(scheme + 3)..];
        return V5(Namespace, name.TrimEnd('/'));
    }

    public static Guid V5(Guid ns, string name)
    {
        // RFC 4122 hashes the namespace in network byte order; .NET's Guid bytes are little-endian in their first three fields.
        var input = ns.ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
        var hash = SHA1.HashData(input)[..16];
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }
}
