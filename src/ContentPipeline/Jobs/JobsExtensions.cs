using Hangfire;
using Hangfire.InMemory;
using ContentPipeline.Data;
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
        // The storage is this host's own instance, not Hangfire's static JobStorage.Current, so two hosts in
        // one process (tests) never share jobs.
        builder.Services.AddSingleton<JobStorage>(sp => sp.GetRequiredService<Database>() is { Provider: StorageProvider.Postgres } database
            ? PostgresJobStorage.Create(database.PostgresConnectionString!, sp.GetRequiredService<IOptions<JobsOptions>>().Value)
            : new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long }));
        builder.Services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        return builder;
    }

    /// <summary>The Hangfire server: runs jobs in this process (serve and digest; see <see cref="Hosting.HostRole"/>).</summary>
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
        return builder;
    }
}
