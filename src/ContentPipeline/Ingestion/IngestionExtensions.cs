using System.Net;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Ingestion;

public static class IngestionExtensions
{
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(ArticleReader.HttpClientName, (sp, client) =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd(sp.GetRequiredService<IOptions<IngestionOptions>>().Value.UserAgent);
                client.Timeout = Timeout.InfiniteTimeSpan; // the ingestor sets its own deadline per request
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 5,
                AutomaticDecompression = DecompressionMethods.All,
            });
        builder.Services.AddSingleton<ArticleReader>();
        builder.Services.AddScoped<ArticleStore>();
        builder.Services.AddScoped<ArticleIngestor>();
        return builder;
    }
}
