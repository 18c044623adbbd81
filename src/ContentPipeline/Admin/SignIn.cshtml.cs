using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContentPipeline.Admin;

/// <summary>The admin sign-in form. Rate-limited per client address (Admin:SignInAttemptsPerMinute); one message for every failure.</summary>
public sealed class SignInPage(AdminAccounts accounts, ILogger<SignInPage> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    public bool Failed { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var principal = await accounts.SignInAsync(Email, Password, cancellationToken);
        Password = null;
        if (principal is null)
        {
            logger.LogWarning("Admin sign-in failed from {RemoteAddress}", HttpContext.Connection.RemoteIpAddress);
            Failed = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        logger.LogInformation("Admin signed in from {RemoteAddress}", HttpContext.Connection.RemoteIpAddress);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin");
    }
}
