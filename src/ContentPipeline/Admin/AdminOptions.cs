using System.ComponentModel.DataAnnotations;
using ContentPipeline.Subscribers;

namespace ContentPipeline.Admin;

/// <summary>Admin: the first admin account (from configuration) and how sign-in is guarded.</summary>
public sealed class AdminOptions : IValidatableObject
{
    public const string Section = "Admin";
    public const int MinPasswordLength = 12;

    /// <summary>The first admin's address; created (or its password updated) when the host starts.</summary>
    public string? Email { get; set; }

    /// <summary>The first admin's password, hashed before it is stored. Set it in the environment (Admin__Password); never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Instead of Password: an ASP.NET Core Identity password hash (see README), so no password sits in configuration.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Sign-in attempts (POSTs) allowed per client address per minute.</summary>
    [Range(1, 1000)]
    public int SignInAttemptsPerMinute { get; set; } = 5;

    /// <summary>How long a sign-in lasts without activity.</summary>
    [Range(1, 720)]
    public int SessionHours { get; set; } = 8;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Empty values (as in appsettings.json) mean "not set".
        var hasSecret = !string.IsNullOrEmpty(Password) || !string.IsNullOrEmpty(PasswordHash);
        if (!string.IsNullOrEmpty(Email) && EmailAddresses.Validate(Email, out var error) is null)
            yield return new($"Admin:Email '{Email}' is not a valid address: {error}", [nameof(Email)]);
        if (!string.IsNullOrEmpty(Password) && Password.Length < MinPasswordLength)
            yield return new($"Admin:Password must be at least {MinPasswordLength} characters long.", [nameof(Password)]);
        if (!string.IsNullOrEmpty(Email) && !hasSecret)
            yield return new("Admin:Email is set but neither Admin:Password nor Admin:PasswordHash is.", [nameof(Password)]);
        if (string.IsNullOrEmpty(Email) && hasSecret)
            yield return new("Admin:Password or Admin:PasswordHash is set but Admin:Email is not.", [nameof(Email)]);
        if (!string.IsNullOrEmpty(Password) && !string.IsNullOrEmpty(PasswordHash))
            yield return new("Set Admin:Password or Admin:PasswordHash, not both.", [nameof(PasswordHash)]);
    }
}
