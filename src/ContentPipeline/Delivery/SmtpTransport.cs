using System.Net.Sockets;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ContentPipeline.Delivery;

/// <summary>
/// MailKit over SMTP with a pool of at most Delivery:MaxConnections open connections. A session holds
/// one connection for one worker (SmtpClient is not thread-safe); when the worker is done the connection
/// goes back to the pool open, so the next batch skips the handshake. After Delivery:MessagesPerConnection
/// messages a connection is closed and a new one opened; a connection that failed is never reused.
/// </summary>
internal sealed class SmtpTransport(IOptions<SmtpOptions> smtp, IOptions<DeliveryOptions> delivery, TimeProvider clock) : IMailTransport, IDisposable
{
    /// <summary>An idle connection older than this is checked with NOOP before it is used again.</summary>
    private static readonly TimeSpan CheckAfterIdle = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _slots = new(delivery.Value.MaxConnections, delivery.Value.MaxConnections);
    private readonly Lock _lock = new();
    private readonly Stack<Connection> _idle = new();
    private readonly int _messagesPerConnection = delivery.Value.MessagesPerConnection;

    public IMailSession Open(CancellationToken cancellationToken)
    {
        _slots.Wait(cancellationToken);
        try
        {
            return new Session(this, Rent(cancellationToken));
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    private Connection Rent(CancellationToken cancellationToken)
    {
        while (true)
        {
            Connection? idle;
            lock (_lock) _idle.TryPop(out idle);
            if (idle is null) return Connect(cancellationToken);
            var idleFor = clock.GetUtcNow() - idle.ReturnedAt;
            if (idle.Client.IsConnected && idleFor < MaxIdle && (idleFor < CheckAfterIdle || StillOpen(idle, cancellationToken)))
                return idle;
            Close(idle);
        }
    }

    private static bool StillOpen(Connection connection, CancellationToken cancellationToken)
    {
        try
        {
            connection.Client.NoOp(cancellationToken);
            return true;
        }
        catch (Exception e) when (SendFailure.Classify(e) is not null && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private Connection Connect(CancellationToken cancellationToken)
    {
        var o = smtp.Value;
        var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        // Our own socket, to switch Nagle off: otherwise the short end of each DATA waits for a delayed ACK
        // (about 40 ms on Linux), which caps every connection at a few dozen messages a second. Connected with the
        // blocking call: one async operation would switch the socket to non-blocking for good, and every later
        // blocking read would then go through the event loop and a wait handle. The connect itself waits as long as
        // the OS lets it (Linux: about two minutes for a host that drops packets); reads and writes time out after
        // Smtp:TimeoutSeconds.
        // MailKit gets it as a stream that sends what was written once per reply awaited (ReplyFlushedStream).
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, SendTimeout = o.TimeoutSeconds * 1000 };
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            socket.Connect(o.Host, o.Port);
            client.Connect(new ReplyFlushedStream(socket), o.Host, o.Port, o.Security, cancellationToken);
            if (!string.IsNullOrEmpty(o.UserName))
                client.Authenticate(o.UserName, o.Password ?? "", cancellationToken);
            return new Connection(client);
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
    }

    private void Return(Connection connection)
    {
        connection.ReturnedAt = clock.GetUtcNow();
        lock (_lock) _idle.Push(connection);
    }

    private static void Close(Connection connection)
    {
        try
        {
            if (connection.Client.IsConnected)
            {
                using var quitTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                connection.Client.Disconnect(quit: true, quitTimeout.Token);
            }
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or OperationCanceledException or MailKit.CommandException)
        {
            // The server went away first; nothing is lost, the connection is closed either way.
        }
        finally
        {
            connection.Client.Dispose();
        }
    }

    public void Dispose()
    {
        List<Connection> idle;
        lock (_lock)
        {
            idle = [.. _idle];
            _idle.Clear();
        }
        foreach (var connection in idle) Close(connection);
    }

    private sealed class Connection(SmtpClient client)
    {
        public SmtpClient Client { get; } = client;
        public int Sent { get; set; }
        public bool Faulted { get; set; }
        public DateTimeOffset ReturnedAt { get; set; }
    }

    private sealed class Session(SmtpTransport owner, Connection connection) : IMailSession
    {
        private Connection _connection = connection;
        private bool _disposed;

        public void Send(OutgoingMessage message, CancellationToken cancellationToken)
        {
            try
            {
                if (_connection.Sent >= owner._messagesPerConnection)
                {
                    Close(_connection);
                    _connection = owner.Connect(cancellationToken);
                }
                _connection.Client.Send(FormatOptions.Default, message.Message, message.Sender, [message.Recipient], cancellationToken);
                _connection.Sent++;
            }
            catch (SmtpCommandException e) when (e.StatusCode != SmtpStatusCode.ServiceNotAvailable)
            {
                // A refused recipient or message: MailKit has reset the transaction and the connection is still good.
                throw;
            }
            catch
            {
                _connection.Faulted = true;
                throw;
            }
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            try
            {
                if (_connection.Faulted || !_connection.Client.IsConnected || _connection.Sent >= owner._messagesPerConnection)
                    Close(_connection);
                else
                    owner.Return(_connection);
            }
            finally
            {
                owner._slots.Release();
            }
        }
    }
}
