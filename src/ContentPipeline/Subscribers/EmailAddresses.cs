using MimeKit;

namespace ContentPipeline.Subscribers;

/// <summary>Validates and normalises subscriber addresses: one mailbox, no display name, no control characters.</summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;

    /// <summary>The address trimmed, or null with the reason it cannot be used.</summary>
    public static string? Validate(string? input, out string error)
    {
        var email = input?.Trim() ?? "";
        error = email switch
        {
            "" => "the address is empty",
            { Length: > MaxLength } => $"the address is longer than {MaxLength} characters",
            _ when email.Any(char.IsControl) => "the address contains control characters (CR, LF or others)",
            _ when email.Any(char.IsWhiteSpace) => "the address contains spaces",
            _ when !SubscriberNames.IsWellFormed(email) => "the address is not valid Unicode text (a lone surrogate)",
            _ when !MailboxAddress.TryParse(ParserOptions.Default, email, out var mailbox)
                   || mailbox.Address != email || !string.IsNullOrEmpty(mailbox.Name) => "it is not a single email address",
            _ when !HasDomainWithDot(email) => "the domain part is missing or has no dot",
            _ => "",
        };
        return error.Length == 0 ? email : null;
    }

    /// <summary>The unique key: the whole address lower-cased.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    private static bool HasDomainWithDot(string email)
    {
        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1) return false;
        var domain = email[(at + 1)..];
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..");
    }
}
