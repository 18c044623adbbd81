using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ContentPipeline.Admin;

/// <summary>The admin cookie and the policy every admin page, admin API and (outside Development) the dashboard require.</summary>
public static class AdminAuthorization
{
    public const string Policy = "admin";
    public const string Role = "admin";
    public const string SignInPath = "/admin/signin";
    public const string SignInRateLimit = "admin-sign-in";

    /// <summary>Browsers are sent to the sign-in page; API clients (an /api/ path, or JSON wanted and not HTML) get 401 or 403.</summary>
    internal static void Configure(CookieAuthenticationOptions o, int sessionHours)
    {
        o.Cookie.Name = "contentpipeline.admin";
        o.Cookie.HttpOnly = true;
        // Strict: no other site can make a browser send the cookie, which also guards the JSON API against CSRF.
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(sessionHours);
        o.SlidingExpiration = true;
        o.LoginPath = SignInPath;
        o.AccessDeniedPath = SignInPath;
        o.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
    }

    public static bool IsAdmin(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && user.IsInRole(Role);

    internal static bool WantsJson(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/api")) return true;
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("application/json", StringComparison.OrdinalIgnoreCase)
            && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    private static Task Refuse(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (WantsJson(context.Request)) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
