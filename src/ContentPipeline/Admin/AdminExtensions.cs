using System.Threading.RateLimiting;
using ContentPipeline.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
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
        builder.Services.AddScoped<IssueApproval>();
        // Only the web host signs anyone in: the command-line tools neither need the account nor warn about it.
        if (builder is WebApplicationBuilder) builder.Services.AddHostedService<AdminAccountSeed>();

        var sessionHours = builder.Configuration.GetValue($"{AdminOptions.Section}:{nameof(AdminOptions.SessionHours)}", new AdminOptions().SessionHours);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o => AdminAuthorization.Configure(o, sessionHours));
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
        // Razor Pages from every feature folder (Admin/, Archive/); each page names its own route.
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/";
            o.Conventions.AuthorizeFolder("/Admin", AdminAuthorization.Policy);
            o.Conventions.AllowAnonymousToPage("/Admin/SignIn");
            o.Conventions.AddPageApplicationModelConvention("/Admin/SignIn",
                m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(AdminAuthorization.SignInRateLimit)));
        })
            // Named explicitly: under a test runner the entry assembly (where MVC looks by default) is the runner's.
            .AddApplicationPart(typeof(AdminExtensions).Assembly);
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

    /// <summary>The admin pages (/admin/...) and the admin API (/api/...), all behind the admin policy but the sign-in page.</summary>
    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapAdminPreviews();
        app.MapAdminApi();
        return app;
    }
}
