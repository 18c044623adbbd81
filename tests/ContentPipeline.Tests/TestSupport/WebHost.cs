using ContentPipeline.Hosting;
using Hangfire;
using Hangfire.Storage.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContentPipeline.Tests.TestSupport;

/// <summary>The real `serve` host (Kestrel, Hangfire server, recurring jobs) on 127.0.0.1 with a free port.</summary>
public sealed class WebHost : IAsyncDisposable
{
    private WebHost(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
    }

    public WebApplication App { get; }
    public Uri Address { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => App.Services;

    public static async Task<WebHost> StartAsync(ContentRoot root, string environment, IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings) { ["Jobs:SchedulePollingSeconds"] = "0.2" };
        all.TryAdd("Speech:Enabled", "false");
        var app = AppHost.BuildWeb(["--urls", "http://127.0.0.1:0", "--environment", environment], Program.AddFeatures, Program.MapEndpoints,
            root, b => b.Configuration.AddInMemoryCollection(all));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebHost(app, new Uri(address));
    }

    /// <summary>
    /// Waits until the job server has nothing enqueued, processing or scheduled, so whatever the jobs so far were going
    /// to do (send a mail, say) has been done; returns the statistics it saw then. A barrier for "nothing happened".
    /// </summary>
    public async Task<StatisticsDto> WaitForIdleJobsAsync(TimeSpan timeout)
    {
        var monitoring = Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var stats = monitoring.GetStatistics();
            if (stats.Enqueued + stats.Processing + stats.Scheduled == 0) return stats;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Jobs were still running after {timeout}: {stats.Enqueued} enqueued, {stats.Processing} processing, {stats.Scheduled} scheduled.");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
