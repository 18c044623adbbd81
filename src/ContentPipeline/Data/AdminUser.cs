namespace ContentPipeline.Data;

/// <summary>Someone who may sign in to /admin and /hangfire. The password is kept only as an ASP.NET Core Identity hash.</summary>
public sealed class AdminUser
{
    public long Id { get; set; }
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public required string PasswordHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}
