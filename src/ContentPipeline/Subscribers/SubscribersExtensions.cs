using ContentPipeline.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace ContentPipeline.Subscribers;

public static class SubscribersExtensions
{
    public static IHostApplicationBuilder AddSubscribers(this IHostApplicationBuilder builder)
    {
        // Keys on disk beside the database, so links in mails sent by the CLI still work in the server after a restart.
        builder.Services.AddDataProtection()
            .SetApplicationName("ContentPipeline")
            .PersistKeysToFileSystem(new DirectoryInfo(ContentRootOf(builder).Resolve("data/keys")));
        builder.Services.AddSingleton<UnsubscribeTokens>();
        builder.Services.AddScoped<SubscriberRegistry>();
        return builder;
    }

    private static ContentRoot ContentRootOf(IHostApplicationBuilder builder) => new(builder.Environment.ContentRootPath);
}
