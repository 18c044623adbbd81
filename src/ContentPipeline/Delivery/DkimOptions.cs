using System.ComponentModel.DataAnnotations;

namespace ContentPipeline.Delivery;

/// <summary>Dkim: optional DKIM signing of every message. Off while Domain is empty.</summary>
public sealed class DkimOptions : IValidatableObject
{
    public const string Section = "Dkim";

    /// <summary>The signing domain (d=), normally the From address's domain.</summary>
    public string? Domain { get; set; }

    /// <summary>The selector (s=): the public key is published at SELECTOR._domainkey.DOMAIN.</summary>
    public string? Selector { get; set; }

    /// <summary>The RSA private key in PEM; or PrivateKeyFile, a path to it. Keep it in the environment or a private file.</summary>
    public string? PrivateKey { get; set; }
    public string? PrivateKeyFile { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Domain);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled) yield break;
        if (string.IsNullOrWhiteSpace(Selector)) yield return new("Dkim:Selector is required when Dkim:Domain is set.", [nameof(Selector)]);
        if (string.IsNullOrWhiteSpace(PrivateKey) == string.IsNullOrWhiteSpace(PrivateKeyFile))
            yield return new("Set exactly one of Dkim:PrivateKey (PEM) or Dkim:PrivateKeyFile when Dkim:Domain is set.", [nameof(PrivateKey)]);
    }
}
