using System.Net;
using ContentPipeline.Hosting;
using ContentPipeline.Jobs;
using ContentPipeline.Ingestion.Sources;
using ContentPipeline.Ingestion.Web;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Ingestion;

public static class IngestionExtensions
{
    /// <summary>Files, folders, pages and feeds in, cleaned articles out; with the web role, poll-feeds on its schedule.</summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder, HostRole role)
    {
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations()
            .Validate(o => Schedules.IsCron(o.PollSchedule), "Ingestion:PollSchedule is not a valid five-field cron expression (for example */15 * * * *).")
            .ValidateOnStart();
        builder.Services.AddHttpClient(WebFetcher.HttpClientName, (sp, client) =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd(sp.GetRequiredService<IOptions<IngestionOptions>>().Value.UserAgent);
                client.Timeout = Timeout.InfiniteTimeSpan; // WebFetcher sets its own deadline per request
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // WebFetcher follows redirects itself, checking each hop.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                ConnectCallback = NetworkGuard.Connect(sp.GetRequiredService<IOptions<IngestionOptions>>().Value.AllowPrivateNetworks),
            });
        builder.Services.AddSingleton<WebFetcher>();
        builder.Services.AddSingleton<ArticleReader>();
        builder.Services.AddScoped<ArticleStore>();
        builder.Services.AddScoped<SourceRegistry>();
        builder.Services.AddScoped<PollFeedsJob>();
        builder.Services.AddScoped<ArticleIngestor>();
        if (role.Web) builder.Services.AddHostedService<PollFeedsSchedule>();
        return builder;
    }
}
