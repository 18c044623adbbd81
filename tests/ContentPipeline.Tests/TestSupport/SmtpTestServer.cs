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

/// <summary>What the test server does to one delivery attempt instead of accepting it.</summary>
public enum SmtpFault
{
    /// <summary>RCPT gets 451: try again later.</summary>
    Rcpt451,
    /// <summary>RCPT gets 550: no such mailbox.</summary>
    Rcpt550,
    /// <summary>RCPT gets 421 and the server closes the connection.</summary>
    Rcpt421,
    /// <summary>After the message data, 421 and the connection is closed: nothing is stored.</summary>
    Data421,
    /// <summary>The connection drops after the message data, before any reply: nothing is stored.</summary>
    DataDrop,
}

/// <summary>
/// A real SMTP server on 127.0.0.1 (the SmtpServer package). Keeps every accepted message and counts the
/// copies each recipient got. It can answer a chosen recipient's RCPT with a reply code such as 451 or
/// 550 (always, or for the next attempts only), answer 421, drop the connection in the middle of DATA,
/// or answer slowly.
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
        services.Add(new NoDelayListenerFactory());
        _server = new SmtpServer.SmtpServer(options, services);
        _server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = _server.StartAsync(_stop.Token);
    }

    private int _sessions;

    public int Port { get; }

    /// <summary>The host's settings for sending through this server, with <paramref name="more"/> on top.</summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null) => SmtpSettings.For(Port, more);

    /// <summary>SMTP connections the server has accepted.</summary>
    public int Sessions => Volatile.Read(ref _sessions);
    public ConcurrentQueue<ReceivedMessage> Messages { get; } = new();

    /// <summary>Recipient address (lower case) to the reply its RCPT gets, e.g. 550.</summary>
    public ConcurrentDictionary<string, int> RecipientReplies { get; } = new();

    /// <summary>Accepted copies per recipient (lower case).</summary>
    public ConcurrentDictionary<string, int> Copies { get; } = new();

    /// <summary>False to count copies without keeping each message (large sends).</summary>
    public bool KeepMessages { get; set; } = true;

    /// <summary>How long the server waits after the message data before it answers.</summary>
    public TimeSpan DataDelay { get; set; }

    /// <summary>Faults for a recipient's next attempts, one per attempt, in order; later attempts are accepted.</summary>
    public void FailNext(string recipient, params SmtpFault[] faults)
    {
        var queue = _faults.GetOrAdd(recipient.ToLowerInvariant(), _ => new ConcurrentQueue<SmtpFault>());
        foreach (var fault in faults) queue.Enqueue(fault);
    }

    private readonly ConcurrentDictionary<string, ConcurrentQueue<SmtpFault>> _faults = new();

    /// <summary>Takes the recipient's next fault if it is one of <paramref name="kinds"/>.</summary>
    private SmtpFault? TakeFault(string recipient, params SmtpFault[] kinds) =>
        _faults.TryGetValue(recipient.ToLowerInvariant(), out var queue) && queue.TryPeek(out var next) && kinds.Contains(next)
            && queue.TryDequeue(out next) ? next : null;

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
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var to = transaction.To.Select(t => t.AsAddress()).ToList();
            if (owner.DataDelay > TimeSpan.Zero) await Task.Delay(owner.DataDelay, cancellationToken);
            switch (to.Select(r => owner.TakeFault(r, SmtpFault.Data421, SmtpFault.DataDrop)).FirstOrDefault(f => f is not null))
            {
                case SmtpFault.Data421:
                    throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "test server is closing"), true);
                case SmtpFault.DataDrop:
                    ((IDisposable)context.Pipe).Dispose();
                    throw new IOException("test server dropped the connection");
            }
            var raw = buffer.ToArray();
            foreach (var recipient in to) owner.Copies.AddOrUpdate(recipient.ToLowerInvariant(), 1, (_, n) => n + 1);
            if (owner.KeepMessages)
                owner.Messages.Enqueue(new ReceivedMessage(transaction.From.AsAddress(), to, MimeMessage.Load(new MemoryStream(raw), cancellationToken), raw));
            return SmtpResponse.Ok;
        }
    }

    /// <summary>
    /// Replies go out at once (Nagle off): otherwise a reply written in two parts waits for the client's
    /// delayed ACK, about 40 ms a message, and large sends in tests crawl.
    /// </summary>
    private sealed class NoDelayListenerFactory : SmtpServer.Net.IEndpointListenerFactory
    {
        public SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            return new Listener(listener);
        }

        private sealed class Listener(TcpListener listener) : SmtpServer.Net.IEndpointListener
        {
            public async Task<SmtpServer.IO.ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                client.NoDelay = true;
                context.Properties[SmtpServer.Net.EndpointListener.LocalEndPointKey] = client.Client.LocalEndPoint!;
                context.Properties[SmtpServer.Net.EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint!;
                return new Pipe(client);
            }

            public void Dispose() => listener.Stop();
        }

        /// <summary>A plain TCP connection as SmtpServer's pipe; the tests use no TLS.</summary>
        private sealed class Pipe(TcpClient client) : SmtpServer.IO.ISecurableDuplexPipe
        {
            public System.IO.Pipelines.PipeReader Input { get; } = System.IO.Pipelines.PipeReader.Create(client.GetStream());
            public System.IO.Pipelines.PipeWriter Output { get; } = System.IO.Pipelines.PipeWriter.Create(client.GetStream());
            public bool IsSecure => false;
            public System.Security.Authentication.SslProtocols SslProtocol => System.Security.Authentication.SslProtocols.None;

            public Task UpgradeAsync(System.Security.Cryptography.X509Certificates.X509Certificate certificate,
                System.Security.Authentication.SslProtocols protocols, CancellationToken cancellationToken = default) =>
                throw new NotSupportedException("the test server speaks no TLS");

            public void Dispose() => client.Close();
        }
    }

    private sealed class Filter(SmtpTestServer owner) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            var address = to.AsAddress();
            var code = owner.TakeFault(address, SmtpFault.Rcpt451, SmtpFault.Rcpt550, SmtpFault.Rcpt421) switch
            {
                SmtpFault.Rcpt451 => 451,
                SmtpFault.Rcpt550 => 550,
                SmtpFault.Rcpt421 => 421,
                _ => owner.RecipientReplies.TryGetValue(address.ToLowerInvariant(), out var always) ? always : 0,
            };
            if (code != 0)
                throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)code, $"test server refuses {address}"), quit: code == 421);
            return Task.FromResult(true);
        }
    }
}

public sealed record ReceivedMessage(string From, IReadOnlyList<string> To, MimeMessage Message, byte[] Raw);
