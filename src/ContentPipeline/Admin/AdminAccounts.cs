using System.Security.Claims;
using ContentPipeline.Data;
using ContentPipeline.Subscribers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Admin;

/// <summary>Admin accounts: the first one comes from configuration; passwords are only ever stored as Identity hashes.</summary>
public sealed class AdminAccounts(AppDbContext db, IPasswordHasher<AdminUser> hasher, IOptions<AdminOptions> options, TimeProvider clock,
    ILogger<AdminAccounts> logger)
{
    // Verified against when the address is unknown, so a wrong address takes as long as a wrong password.
    private static readonly AdminUser Decoy = new() { Email = "", NormalizedEmail = "", PasswordHash = "" };
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<AdminUser>().HashPassword(Decoy, Guid.NewGuid().ToString()));

    /// <summary>Creates the configured admin, or updates its password when configuration changed it.</summary>
    public async Task EnsureConfiguredAdminAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var configuredHash = string.IsNullOrEmpty(o.PasswordHash) ? null : o.PasswordHash;
        if (string.IsNullOrEmpty(o.Email))
        {
            if (!await db.AdminUsers.AnyAsync(cancellationToken))
                logger.LogWarning("No admin is configured: /admin and /hangfire refuse everyone until Admin:Email and Admin:Password (or Admin:PasswordHash) are set");
            return;
        }
        var key = EmailAddresses.Normalize(o.Email);
        var now = clock.GetUtcNow().UtcDateTime;
        var admin = await db.AdminUsers.SingleOrDefaultAsync(a => a.NormalizedEmail == key, cancellationToken);
        if (admin is null)
        {
            admin = new AdminUser { Email = o.Email, NormalizedEmail = key, PasswordHash = "", CreatedAt = now, UpdatedAt = now };
            admin.PasswordHash = configuredHash ?? hasher.HashPassword(admin, o.Password!);
            db.AdminUsers.Add(admin);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Created the configured admin account {AdminId}", admin.Id);
            return;
        }
        var changed = configuredHash is { } hash
            ? hash != admin.PasswordHash
            : hasher.VerifyHashedPassword(admin, admin.PasswordHash, o.Password!) == PasswordVerificationResult.Failed;
        if (!changed) return;
        admin.PasswordHash = configuredHash ?? hasher.HashPassword(admin, o.Password!);
        admin.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Updated the password of admin account {AdminId} from configuration", admin.Id);
    }

    /// <summary>The signed-in identity when the address and password match an admin; null otherwise.</summary>
    public async Task<ClaimsPrincipal?> SignInAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        var key = string.IsNullOrWhiteSpace(email) ? "" : EmailAddresses.Normalize(email.Trim());
        var admin = key.Length == 0 ? null : await db.AdminUsers.SingleOrDefaultAsync(a => a.NormalizedEmail == key, cancellationToken);
        var result = hasher.VerifyHashedPassword(admin ?? Decoy, admin?.PasswordHash ?? DecoyHash.Value, password ?? "");
        if (admin is null || result == PasswordVerificationResult.Failed) return null;
        if (result == PasswordVerificationResult.SuccessRehashNeeded) admin.PasswordHash = hasher.HashPassword(admin, password!);
        admin.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, admin.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, admin.Email),
                new Claim(ClaimTypes.Email, admin.Email),
                new Claim(ClaimTypes.Role, AdminAuthorization.Role),
            ], Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
