using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ContentPipeline.Delivery;

/// <summary>
/// Opaque, signed unsubscribe tokens: a token names one subscriber and cannot be forged or edited to name another.
/// A token is one AES-256 block, the subscriber id followed by eight fixed bytes, in URL-safe base64 (22 characters).
/// Any other block decrypts to random bytes, so a forged or edited token passes only by a 2^-64 chance. One block
/// costs a microsecond, where a Data Protection payload costs about 25 (it derives fresh keys for every message),
/// which mattered at thousands of copies a second. The AES key is random, made once, and kept in the keys folder
/// protected by Data Protection, so every node and restart that shares that folder reads the same tokens. Tokens
/// made by Data Protection (mails sent before this format) are still accepted.
/// </summary>
public sealed class UnsubscribeTokens
{
    /// <summary>The AES key's file in the keys folder (Storage:KeysDirectory).</summary>
    public const string KeyFileName = "unsubscribe-token-key.txt";
    private const int TokenLength = 22;
    private static readonly byte[] Redundancy = "CPunsub1"u8.ToArray();
    private readonly IDataProtector _protector;
    private readonly Lazy<Aes> _aes;
    private readonly Lock _lock = new();

    /// <param name="keyFile">Where the AES key is kept; null for a key that lives as long as this object (tests).</param>
    public UnsubscribeTokens(IDataProtectionProvider provider, string? keyFile)
    {
        _protector = provider.CreateProtector("ContentPipeline.Unsubscribe.v1");
        var keyProtector = provider.CreateProtector("ContentPipeline.Unsubscribe.Key.v1");
        _aes = new Lazy<Aes>(() =>
        {
            var aes = Aes.Create();
            aes.Key = keyFile is null ? RandomNumberGenerator.GetBytes(32) : LoadOrCreateKey(keyFile, keyProtector);
            return aes;
        });
    }

    public string Create(long subscriberId)
    {
        Span<byte> block = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(block, subscriberId);
        Redundancy.CopyTo(block[8..]);
        lock (_lock) _aes.Value.EncryptEcb(block, block, PaddingMode.None);
        return Base64Url.EncodeToString(block);
    }

    public bool TryRead(string? token, out long subscriberId)
    {
        subscriberId = 0;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1024) return false;
        return token.Length == TokenLength ? TryReadBlock(token, out subscriberId) : TryReadProtected(token, out subscriberId);
    }

    private bool TryReadBlock(string token, out long subscriberId)
    {
        subscriberId = 0;
        Span<byte> block = stackalloc byte[16];
        if (Base64Url.DecodeFromChars(token, block, out _, out var length) != System.Buffers.OperationStatus.Done || length != 16) return false;
        lock (_lock) _aes.Value.DecryptEcb(block, block, PaddingMode.None);
        if (!CryptographicOperations.FixedTimeEquals(block[8..], Redundancy)) return false;
        subscriberId = BinaryPrimitives.ReadInt64BigEndian(block);
        return subscriberId > 0;
    }

    /// <summary>A token from before the block format: a Data Protection payload naming the subscriber.</summary>
    private bool TryReadProtected(string token, out long subscriberId)
    {
        subscriberId = 0;
        try
        {
            return long.TryParse(_protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out subscriberId);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads the key, or makes it: written to a temporary file and moved into place, so a node that starts at the same
    /// moment either wins the move or reads the winner's key, never half a file.
    /// </summary>
    private static byte[] LoadOrCreateKey(string keyFile, IDataProtector protector)
    {
        if (!File.Exists(keyFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
            var temporary = $"{keyFile}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temporary, protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            try
            {
                File.Move(temporary, keyFile, overwrite: false);
            }
            catch (IOException) when (File.Exists(keyFile))
            {
                File.Delete(temporary);
            }
        }
        try
        {
            return Convert.FromBase64String(protector.Unprotect(File.ReadAllText(keyFile).Trim()));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new InvalidOperationException(
                $"{keyFile} cannot be read with the Data Protection keys beside it: it was made with other keys. Restore the keys folder it came with, " +
                "or delete the file to start a new key (unsubscribe links in mails already sent then stop working).", e);
        }
    }
}
