using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ContentPipeline.Delivery;

/// <summary>MailKit over SMTP: one connection per session, kept open for the session's messages.</summary>
internal sealed class SmtpTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(o.Host, o.Port, o.Security, cancellationToken);
            if (!string.IsNullOrEmpty(o.UserName))
                await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
            return new Session(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or OperationCanceledException)
            {
                // The server went away first; nothing is lost, the connection is closed either way.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
