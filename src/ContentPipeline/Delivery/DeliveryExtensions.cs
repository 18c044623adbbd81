using ContentPipeline.Data;
using ContentPipeline.Hosting;
using ContentPipeline.Jobs;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Delivery;

public static class DeliveryExtensions
{
    /// <summary>The transport (Delivery:Mode), each reader's copy, the ledger of deliveries, DKIM and unsubscribe links.</summary>
    public static IHostApplicationBuilder AddDelivery(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DkimOptions>().BindConfiguration(DkimOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DkimSigning>();
        builder.Services.AddHostedService<DkimKeyCheck>();
        builder.Services.AddSingleton(sp => new UnsubscribeTokens(sp.GetRequiredService<IDataProtectionProvider>(),
            Path.Combine(sp.GetRequiredService<ContentRoot>().Resolve(sp.GetRequiredService<IOptions<StorageOptions>>().Value.KeysDirectory),
                UnsubscribeTokens.KeyFileName)));
        builder.Services.AddSingleton<MessageFactory>();
        builder.Services.AddSingleton<PickupTransport>();
        builder.Services.AddSingleton<SmtpTransport>();
        builder.Services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.Mode == DeliveryMode.Smtp
            ? sp.GetRequiredService<SmtpTransport>()
            : sp.GetRequiredService<PickupTransport>());
        builder.Services.AddSingleton<SendRateLimiter>();
        builder.Services.AddSingleton<LedgerWriteGate>();
        builder.Services.AddScoped<DeliveryLedger>();
        builder.Services.AddScoped<FanOutDeliveriesJob>();
        builder.Services.AddScoped<SendBatchJob>();
        return builder;
    }

    /// <summary>Workers for the send queue only, one per SMTP connection, so batches go out in parallel up to Delivery:MaxConnections.</summary>
    public static IHostApplicationBuilder AddDeliveryServer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHangfireServer((sp, server) =>
        {
            server.WorkerCount = sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.MaxConnections;
            server.Queues = [SendBatchJob.QueueName];
            server.SchedulePollingInterval = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<JobsOptions>>().Value.SchedulePollingSeconds);
            server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:delivery";
        });
        builder.Services.AddHostedService<DeliveryWatchdog>();
        return builder;
    }

    /// <summary>Reads the DKIM key when the host starts, so a bad key is reported before any send.</summary>
    private sealed class DkimKeyCheck(DkimSigning signing) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(signing.Enabled);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
