using System.Net;
using System.Net.Sockets;
using System.Text;
using ContentPipeline.Delivery;

namespace ContentPipeline.Tests.Delivery;

public sealed class ReplyFlushedStreamTests
{
    [Fact]
    public async Task WrittenBytes_WaitForTheNextRead_AndThenArriveTogether()
    {
        using var pair = await SocketPair.OpenAsync();
        using var stream = new ReplyFlushedStream(pair.Client);

        stream.Write("MAIL FROM:<a@b.test>\r\n"u8);
        stream.Write("RCPT TO:<c@d.test>\r\n"u8);
        stream.Flush();
        Assert.False(pair.Server.Poll(TimeSpan.FromMilliseconds(200), SelectMode.SelectRead)); // nothing sent yet, a flush included
        Assert.Equal(42, stream.Pending);

        var server = Task.Run(() =>
        {
            var received = ReceiveExactly(pair.Server, 42);
            pair.Server.Send("250 ok\r\n"u8);
            return received;
        });
        var reply = new byte[64];
        var read = stream.Read(reply, 0, reply.Length);

        Assert.Equal("MAIL FROM:<a@b.test>\r\nRCPT TO:<c@d.test>\r\n", await server);
        Assert.Equal("250 ok\r\n", Encoding.ASCII.GetString(reply, 0, read));
        Assert.Equal(0, stream.Pending);
    }

    [Fact]
    public async Task WritesBeyondItsCapacity_ArriveWholeAndInOrder()
    {
        using var pair = await SocketPair.OpenAsync();
        using var stream = new ReplyFlushedStream(pair.Client, capacity: 1024);
        var message = string.Concat(Enumerable.Range(0, 1000).Select(i => $"{i:D4}:")); // 5,000 bytes

        var server = Task.Run(() =>
        {
            var received = ReceiveExactly(pair.Server, message.Length);
            pair.Server.Send("250 queued\r\n"u8);
            return received;
        });
        var bytes = Encoding.ASCII.GetBytes(message);
        for (var offset = 0; offset < bytes.Length; offset += 700) stream.Write(bytes, offset, Math.Min(700, bytes.Length - offset));
        var reply = new byte[64];
        var read = stream.Read(reply, 0, reply.Length);

        Assert.Equal(message, await server);
        Assert.Equal("250 queued\r\n", Encoding.ASCII.GetString(reply, 0, read));
    }

    [Fact]
    public async Task AReadThatTimesOut_IsAnIOException_AsWithANetworkStream()
    {
        using var pair = await SocketPair.OpenAsync();
        using var stream = new ReplyFlushedStream(pair.Client) { ReadTimeout = 200 };

        var e = Assert.Throws<IOException>(() => stream.Read(new byte[16], 0, 16));
        Assert.IsType<SocketException>(e.InnerException);
        Assert.NotNull(SendFailure.Classify(e));
    }

    [Fact]
    public async Task ATlsSessionOverIt_Handshakes_AndCarriesRequestsAndReplies()
    {
        // STARTTLS wraps this stream in an SslStream: the handshake must go out although only reads ever send.
        using var pair = await SocketPair.OpenAsync();
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=localhost", key,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        using var exportable = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(certificate.Export(
            System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12), null);

        var server = Task.Run(async () =>
        {
            await using var tls = new System.Net.Security.SslStream(new NetworkStream(pair.Server));
            await tls.AuthenticateAsServerAsync(exportable);
            var buffer = new byte[64];
            var read = await tls.ReadAsync(buffer);
            await tls.WriteAsync(Encoding.ASCII.GetBytes($"250 got {Encoding.ASCII.GetString(buffer, 0, read).Trim()}\r\n"));
            await tls.FlushAsync();
        });
        using var client = new System.Net.Security.SslStream(new ReplyFlushedStream(pair.Client), false, (_, _, _, _) => true);
        client.AuthenticateAsClient("localhost");
        client.Write("EHLO test\r\n"u8);
        client.Flush();
        var reply = new byte[64];
        var length = client.Read(reply, 0, reply.Length);

        Assert.Equal("250 got EHLO test\r\n", Encoding.ASCII.GetString(reply, 0, length));
        await server.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static string ReceiveExactly(Socket socket, int count)
    {
        var buffer = new byte[count];
        for (var got = 0; got < count;)
        {
            var n = socket.Receive(buffer.AsSpan(got));
            if (n == 0) throw new IOException($"closed after {got} of {count} bytes");
            got += n;
        }
        return Encoding.ASCII.GetString(buffer);
    }

    private sealed class SocketPair : IDisposable
    {
        public required Socket Client { get; init; }
        public required Socket Server { get; init; }

        public static async Task<SocketPair> OpenAsync()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var client = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            client.Connect(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
            var server = await listener.AcceptSocketAsync();
            return new SocketPair { Client = client, Server = server };
        }

        public void Dispose()
        {
            Client.Dispose();
            Server.Dispose();
        }
    }
}
