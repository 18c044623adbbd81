using System.Net;
using ContentPipeline.Ingestion.Sources;
using ContentPipeline.Ingestion.Web;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Ingestion;

public static class IngestionExtensions
{
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
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
        return builder;
    }
}
