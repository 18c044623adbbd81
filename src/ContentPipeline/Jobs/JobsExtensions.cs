using ContentPipeline.Admin;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using ContentPipeline.Data;
using ContentPipeline.Delivery;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Jobs;

public static class JobsExtensions
{
    /// <summary>
    /// Hangfire's client and storage: in memory with SQLite (the application database is the source of truth), in
    /// the same PostgreSQL database with Storage:Provider=Postgres, so that several nodes share one set of queues.
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateDataAnnotations()
            .Validate(o => TryFindZone(o.TimeZone), "Digest:TimeZone is not a known IANA time zone id (for example Europe/London).")
            .ValidateOnStart();
        // The storage is this host's own instance, not Hangfire's static JobStorage.Current, so two hosts in
        // one process (tests) never share jobs.
        if (DataExtensions.Provider(builder.Configuration) == StorageProvider.Postgres)
        {
            var connectionString = DataExtensions.PostgresConnectionString(builder.Configuration.GetConnectionString(DataExtensions.ConnectionStringName));
            builder.Services.AddSingleton<JobStorage>(sp =>
                PostgresJobStorage.Create(connectionString, sp.GetRequiredService<IOptions<JobsOptions>>().Value));
        }
        else
        {
            builder.Services.AddSingleton<JobStorage>(_ => new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long }));
        }
        builder.Services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<IssueFlow>();
        builder.Services.AddScoped<DailyDigestJob>();
        return builder;
    }

    /// <summary>The Hangfire server: runs jobs in this process. Serve and digest start one; the other commands do not.</summary>
    public static IHostApplicationBuilder AddJobServer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHangfireServer((sp, server) =>
        {
            var o = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            server.WorkerCount = o.WorkerCount;
            // Hangfire blocks a dedicated thread per job while the job's async work continues on the thread pool.
            // With the pool's default minimum (one thread per core) every job past the second waits for the pool
            // to grow, a thread or two a second: start it as large as the number of jobs that can run at once.
            ThreadPool.GetMinThreads(out var workerThreads, out var ioThreads);
            ThreadPool.SetMinThreads(Math.Max(workerThreads, o.WorkerCount * 2), ioThreads);
            server.SchedulePollingInterval = TimeSpan.FromSeconds(o.SchedulePollingSeconds);
            server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
        });
        builder.AddDeliveryServer();
        return builder;
    }

    /// <summary>Registers the recurring daily-digest and resumes unfinished issues (jobs in memory do not survive a restart; rows do).</summary>
    public static IHostApplicationBuilder AddRecurringJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<RecurringJobsStartup>();
        return builder;
    }

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

    internal static bool TryFindZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private sealed class SignedInAdminFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => AdminAuthorization.IsAdmin(context.GetHttpContext().User);
    }
}
