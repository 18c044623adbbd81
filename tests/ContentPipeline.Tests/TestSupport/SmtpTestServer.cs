using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using ServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace ContentPipeline.Tests.TestSupport;

/// <summary>
/// A real SMTP server on 127.0.0.1 (the SmtpServer package). Keeps every accepted message and can be told
/// to answer a chosen recipient's RCPT with a reply code such as 451 or 550.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public SmtpTestServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }
    public ConcurrentQueue<ReceivedMessage> Messages { get; } = new();

    /// <summary>Recipient address (lower case) to the reply its RCPT gets, e.g. 550.</summary>
    public ConcurrentDictionary<string, int> RecipientReplies { get; } = new();

    public async Task<ReceivedMessage> WaitForMessageAsync(TimeSpan timeout, Func<ReceivedMessage, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = Messages.FirstOrDefault(m => match?.Invoke(m) ?? true);
            if (found is not null) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No message arrived at the test SMTP server within {timeout}.");
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _server.Shutdown();
        try { await _running.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception e) when (e is OperationCanceledException or TimeoutException) { }
        _stop.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(SmtpTestServer owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var raw = buffer.ToArray();
            var message = MimeMessage.Load(new MemoryStream(raw), cancellationToken);
            owner.Messages.Enqueue(new ReceivedMessage(transaction.From.AsAddress(),
                transaction.To.Select(t => t.AsAddress()).ToList(), message, raw));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Filter(SmtpTestServer owner) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            if (owner.RecipientReplies.TryGetValue(to.AsAddress().ToLowerInvariant(), out var code))
                throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)code, $"test server refuses {to.AsAddress()}"));
            return Task.FromResult(true);
        }
    }
}

public sealed record ReceivedMessage(string From, IReadOnlyList<string> To, MimeMessage Message, byte[] Raw);
