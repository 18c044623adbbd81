using ContentPipeline.Delivery;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Subscribers;

public static class SubscribersExtensions
{
    /// <summary>Sign-up with double opt-in (rate-limited per client address), confirmation mails, the registry, import and export.</summary>
    public static IHostApplicationBuilder AddSubscribers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SubscribersOptions>().BindConfiguration(SubscribersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(o => o.AddPolicy(SubscribeEndpoints.SignUpRateLimit, context =>
            RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = context.RequestServices.GetRequiredService<IOptions<SubscribersOptions>>().Value.SignUpsPerHour,
                Window = TimeSpan.FromHours(1),
            })));
        builder.Services.AddSingleton<ConfirmationTokens>();
        builder.Services.AddScoped<SendConfirmationJob>();
        builder.Services.AddScoped<SubscriberRegistry>();
        builder.Services.AddScoped<SubscriberImporter>();
        builder.Services.AddScoped<SubscriberExporter>();
        return builder;
    }
}
