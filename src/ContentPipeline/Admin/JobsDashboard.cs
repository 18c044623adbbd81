using Hangfire;
using Hangfire.Dashboard;

namespace ContentPipeline.Admin;

public static class JobsDashboard
{
    /// <summary>
    /// The dashboard at /hangfire. Outside Development it needs a signed-in admin: the admin policy on the endpoint sends
    /// browsers to the sign-in page (API clients get 401), and the filter checks again. Development keeps Hangfire's
    /// local-requests-only filter, which is no protection behind a reverse proxy (every visitor looks local).
    /// </summary>
    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        var development = app.Environment.IsDevelopment();
        IDashboardAuthorizationFilter filter = development ? new LocalRequestsOnlyAuthorizationFilter() : new SignedInAdminFilter();
        var dashboard = app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [filter],
            DashboardTitle = "ContentPipeline jobs",
            DisplayStorageConnectionString = false,
            AppPath = "/admin",
        });
        if (!development) dashboard.RequireAuthorization(AdminAuthorization.Policy);
        return app;
    }

    private sealed class SignedInAdminFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => AdminAuthorization.IsAdmin(context.GetHttpContext().User);
    }
}
