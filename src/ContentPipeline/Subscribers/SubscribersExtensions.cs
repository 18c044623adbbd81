using ContentPipeline.Data;
using ContentPipeline.Hosting;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Subscribers;

public static class SubscribersExtensions
{
    public static IHostApplicationBuilder AddSubscribers(this IHostApplicationBuilder builder)
    {
        // Keys on disk beside the database, so links in mails sent by the CLI still work in the server after a restart.
        var keys = builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.KeysDirectory)}"] is { Length: > 0 } configured
            ? configured : new StorageOptions().KeysDirectory;
        var keysDirectory = new ContentRoot(builder.Environment.ContentRootPath).Resolve(keys);
        builder.Services.AddDataProtection()
            .SetApplicationName("ContentPipeline")
            .PersistKeysToFileSystem(new DirectoryInfo(keysDirectory));
        builder.Services.AddOptions<SubscribersOptions>().BindConfiguration(SubscribersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(o => o.AddPolicy(SubscribeEndpoints.SignUpRateLimit, context =>
            RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = context.RequestServices.GetRequiredService<IOptions<SubscribersOptions>>().Value.SignUpsPerHour,
                Window = TimeSpan.FromHours(1),
            })));
        builder.Services.AddSingleton(sp => new UnsubscribeTokens(sp.GetRequiredService<IDataProtectionProvider>(),
            Path.Combine(keysDirectory, UnsubscribeTokens.KeyFileName)));
        builder.Services.AddSingleton<ConfirmationTokens>();
        builder.Services.AddScoped<SendConfirmationJob>();
        builder.Services.AddScoped<SubscriberRegistry>();
        builder.Services.AddScoped<SubscriberImporter>();
        builder.Services.AddScoped<SubscriberExporter>();
        return builder;
    }
}
