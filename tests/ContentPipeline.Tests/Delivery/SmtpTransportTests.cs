using ContentPipeline.Delivery;
using ContentPipeline.Tests.TestSupport;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ContentPipeline.Tests.Delivery;

public sealed class SmtpTransportTests : IAsyncDisposable
{
    private readonly SmtpTestServer _smtp = new();

    [Fact]
    public void Sessions_ReuseOpenConnections_AndReconnectAfterMessagesPerConnection()
    {
        using var transport = Transport(messagesPerConnection: 3);

        for (var run = 0; run < 2; run++)
        {
            using var session = transport.Open(default);
            for (var i = 0; i < 5; i++) session.Send(Message($"r{run}-{i}@example.org"), default);
        }

        Assert.Equal(10, _smtp.Copies.Count);
        // 10 messages, 3 per connection, the connection kept open between the two sessions: 4 connections.
        Assert.Equal(4, _smtp.Sessions);
    }

    [Fact]
    public void ARefusedRecipient_LeavesTheConnectionUsable()
    {
        using var transport = Transport(messagesPerConnection: 100);
        _smtp.FailNext("gone@example.org", SmtpFault.Rcpt550);
        using var session = transport.Open(default);

        var refused = Assert.Throws<MailKit.Net.Smtp.SmtpCommandException>(() => session.Send(Message("gone@example.org"), default));
        session.Send(Message("here@example.org"), default);

        Assert.True(SendFailure.Classify(refused)!.HardBounce);
        Assert.Equal(["here@example.org"], _smtp.Copies.Keys);
        Assert.Equal(1, _smtp.Sessions);
    }

    private SmtpTransport Transport(int messagesPerConnection) => new(
        Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, Security = SecureSocketOptions.None, TimeoutSeconds = 10 }),
        Options.Create(new DeliveryOptions { MaxConnections = 2, MessagesPerConnection = messagesPerConnection }), TimeProvider.System);

    private static OutgoingMessage Message(string to)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("news@example.org"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "Hello";
        message.Body = new TextPart("plain") { Text = "Hello." };
        return OutgoingMessage.For(message);
    }

    public ValueTask DisposeAsync() => _smtp.DisposeAsync();
}
