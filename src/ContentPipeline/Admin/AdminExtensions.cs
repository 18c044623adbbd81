using System.Threading.RateLimiting;
using ContentPipeline.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Admin;

public static class AdminExtensions
{
    /// <summary>Admin accounts, the sign-in cookie, the admin policy, per-address rate limits and the server-rendered pages.</summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IPasswordHasher<AdminUser>, PasswordHasher<AdminUser>>();
        builder.Services.AddScoped<AdminAccounts>();
        builder.Services.AddScoped<IssueTestSend>();
        // Only the web host signs anyone in: the command-line tools neither need the account nor warn about it.
        if (builder is WebApplicationBuilder) builder.Services.AddHostedService<AdminAccountSeed>();

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AdminOptions>>((o, admin) => AdminAuthorization.Configure(o, admin.Value.SessionHours));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminAuthorization.Policy, p => p.RequireAuthenticatedUser().RequireRole(AdminAuthorization.Role));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts count: showing the form is free.
            o.AddPolicy(AdminAuthorization.SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.SignInAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                })
                : RateLimitPartition.GetNoLimiter("show"));
        });
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "contentpipeline.antiforgery");
        // The admin pages need a signed-in admin, but the sign-in page, whose attempts are rate-limited.
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", AdminAuthorization.Policy);
            o.Conventions.AllowAnonymousToPage("/Admin/SignIn");
            o.Conventions.AddPageApplicationModelConvention("/Admin/SignIn",
                m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(AdminAuthorization.SignInRateLimit)));
        });
        return builder;
    }

    /// <summary>Who is signed in, what they may see, rate limits and anti-forgery: before every page, API and the dashboard.</summary>
    public static WebApplication UseAdmin(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>The admin previews and the admin API (/api/...), behind the admin policy; the admin pages are Razor Pages (see Program.cs).</summary>
    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.MapAdminPreviews();
        app.MapAdminApi();
        return app;
    }
}
