using ContentPipeline.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace ContentPipeline.Delivery;

/// <summary>
/// Signs messages with DKIM when Dkim:Domain is set. The one-click unsubscribe headers are signed too:
/// mailbox providers honour List-Unsubscribe-Post only when a valid signature covers it (RFC 8058).
/// The key is read once, at start, so a bad key stops the host instead of the first send.
/// </summary>
public sealed class DkimSigning
{
    public static readonly string[] SignedHeaders =
        ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type", "List-Unsubscribe", "List-Unsubscribe-Post"];

    private readonly DkimSigner? _signer;

    public DkimSigning(IOptions<DkimOptions> options, ContentRoot root)
    {
        var o = options.Value;
        if (!o.Enabled) return;
        var pem = o.PrivateKey is { Length: > 0 } inline ? inline : ReadKeyFile(root.Resolve(o.PrivateKeyFile!));
        try
        {
            using var stream = new MemoryStream(System.Text.Encoding.ASCII.GetBytes(pem.Replace("\\n", "\n")));
            _signer = new DkimSigner(stream, o.Domain!, o.Selector!)
            {
                HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                SignatureAlgorithm = DkimSignatureAlgorithm.RsaSha256,
            };
        }
        catch (Exception e) when (e is FormatException or IOException or ArgumentException or InvalidCastException)
        {
            throw new StartupException($"Dkim:PrivateKey is not a usable RSA private key in PEM: {e.Message}");
        }
    }

    public bool Enabled => _signer is not null;

    /// <summary>Fixes the message's transfer encodings first: a signature only holds for the exact bytes that go out.</summary>
    public void Sign(MimeMessage message)
    {
        if (_signer is null) return;
        message.Prepare(EncodingConstraint.SevenBit);
        _signer.Sign(message, SignedHeaders);
    }

    private static string ReadKeyFile(string path) => File.Exists(path)
        ? File.ReadAllText(path)
        : throw new StartupException($"Dkim:PrivateKeyFile '{path}' does not exist.");
}
