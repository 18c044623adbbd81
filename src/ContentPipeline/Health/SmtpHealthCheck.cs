using ContentPipeline.Delivery;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Health;

/// <summary>With Delivery:Mode=Smtp: the relay accepts a connection and answers EHLO within Health:SmtpTimeoutSeconds. No mail is sent.</summary>
internal sealed class SmtpHealthCheck(IOptions<DeliveryOptions> delivery, IOptions<SmtpOptions> smtp, IOptions<HealthOptions> health) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (delivery.Value.Mode != DeliveryMode.Smtp) return HealthCheckResult.Healthy($"not used (Delivery:Mode is {delivery.Value.Mode})");
        var o = smtp.Value;
        var timeout = TimeSpan.FromSeconds(health.Value.SmtpTimeoutSeconds);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            // ConnectAsync reads the greeting and sends EHLO (and STARTTLS when Smtp:Security asks for it).
            await client.ConnectAsync(o.Host, o.Port, o.Security, deadline.Token);
            await client.DisconnectAsync(quit: true, deadline.Token);
            return HealthCheckResult.Healthy($"{o.Host}:{o.Port} answered EHLO");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{o.Host}:{o.Port} did not answer within {timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (SendFailure.Classify(e) is not null || e is System.Net.Sockets.SocketException)
        {
            return HealthCheckResult.Unhealthy($"{o.Host}:{o.Port}: {e.Message}");
        }
    }
}
