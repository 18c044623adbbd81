using MimeKit.Cryptography;

namespace ContentPipeline.Tests.TestSupport;

/// <summary>Answers the one DKIM key a test publishes, as a DNS TXT record would.</summary>
public sealed class OneKeyLocator(string name, string publicKey) : DkimPublicKeyLocatorBase
{
    public override Org.BouncyCastle.Crypto.AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector,
        CancellationToken cancellationToken = default) =>
        $"{selector}._domainkey.{domain}" == name ? GetPublicKey($"v=DKIM1; k=rsa; p={publicKey}") : throw new InvalidOperationException("no key for " + domain);

    public override Task<Org.BouncyCastle.Crypto.AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector,
        CancellationToken cancellationToken = default) => Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
}
