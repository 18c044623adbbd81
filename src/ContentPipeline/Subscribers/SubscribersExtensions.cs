using ContentPipeline.Data;
using ContentPipeline.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace ContentPipeline.Subscribers;

public static class SubscribersExtensions
{
    public static IHostApplicationBuilder AddSubscribers(this IHostApplicationBuilder builder)
    {
        // Keys on disk beside the database, so links in mails sent by the CLI still work in the server after a restart.
        var keys = builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.KeysDirectory)}"] is { Length: > 0 } configured
            ? configured : new StorageOptions().KeysDirectory;
        builder.Services.AddDataProtection()
            .SetApplicationName("ContentPipeline")
            .PersistKeysToFileSystem(new DirectoryInfo(new ContentRoot(builder.Environment.ContentRootPath).Resolve(keys)));
        builder.Services.AddOptions<SubscribersOptions>().BindConfiguration(SubscribersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<UnsubscribeTokens>();
        builder.Services.AddSingleton<ConfirmationTokens>();
        builder.Services.AddScoped<SendConfirmationJob>();
        builder.Services.AddScoped<SubscriberRegistry>();
        builder.Services.AddScoped<SubscriberImporter>();
        builder.Services.AddScoped<SubscriberExporter>();
        return builder;
    }
}
