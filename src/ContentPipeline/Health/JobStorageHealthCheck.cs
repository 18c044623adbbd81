using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContentPipeline.Health;

/// <summary>Hangfire's storage answers, and at least one job server is alive.</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var stats = storage.GetMonitoringApi().GetStatistics();
            var data = new Dictionary<string, object> { ["servers"] = stats.Servers, ["enqueued"] = stats.Enqueued, ["failed"] = stats.Failed };
            return Task.FromResult(stats.Servers > 0
                ? HealthCheckResult.Healthy($"{stats.Servers} server(s), {stats.Enqueued} job(s) enqueued, {stats.Failed} failed", data)
                : HealthCheckResult.Unhealthy("no job server is running", data: data));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"job storage error: {e.Message}"));
        }
    }
}
