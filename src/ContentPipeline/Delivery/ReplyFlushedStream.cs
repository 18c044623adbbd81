using System.Net.Sockets;

namespace ContentPipeline.Delivery;

/// <summary>
/// A blocking socket for a request-and-reply protocol such as SMTP: what is written is gathered and goes out
/// in one send just before the next read, since only a reply is ever waited for. MailKit writes a message in
/// 4 KB blocks and flushes twice at its end; over a plain socket that is seven sends for one 20 KB message,
/// each waking the server. Here it is one send per reply awaited (three per message with PIPELINING).
/// Flush does not send: a writer that needs no reply never needs its bytes to arrive (QUIT is answered too).
/// Timeouts are the socket's, as with NetworkStream, and errors surface as IOException, as there.
/// </summary>
internal sealed class ReplyFlushedStream(Socket socket, int capacity = ReplyFlushedStream.DefaultCapacity) : Stream
{
    /// <summary>A whole newsletter (Gmail clips at 102 KB) plus its envelope fits in one send.</summary>
    public const int DefaultCapacity = 128 * 1024;

    private byte[] _pending = new byte[Math.Min(capacity, 16 * 1024)];
    private int _count;

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override bool CanTimeout => true;

    public override int ReadTimeout
    {
        get => socket.ReceiveTimeout;
        set => socket.ReceiveTimeout = value;
    }

    public override int WriteTimeout
    {
        get => socket.SendTimeout;
        set => socket.SendTimeout = value;
    }

    /// <summary>Bytes written and not yet sent.</summary>
    public int Pending => _count;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_count + buffer.Length > _pending.Length && !Grow(_count + buffer.Length))
        {
            SendPending();
            if (buffer.Length >= _pending.Length)
            {
                Send(buffer);
                return;
            }
        }
        buffer.CopyTo(_pending.AsSpan(_count));
        _count += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        SendPending();
        try
        {
            return socket.Receive(buffer);
        }
        catch (SocketException e)
        {
            throw new IOException($"Unable to read data from the transport connection: {e.Message}", e);
        }
    }

    /// <summary>Nothing: the gathered bytes go out before the next read.</summary>
    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private bool Grow(int needed)
    {
        if (needed > capacity) return false;
        Array.Resize(ref _pending, Math.Min(capacity, Math.Max(needed, _pending.Length * 2)));
        return true;
    }

    private void SendPending()
    {
        if (_count == 0) return;
        var count = _count;
        _count = 0;
        Send(_pending.AsSpan(0, count));
    }

    private void Send(ReadOnlySpan<byte> bytes)
    {
        try
        {
            while (!bytes.IsEmpty) bytes = bytes[socket.Send(bytes)..];
        }
        catch (SocketException e)
        {
            throw new IOException($"Unable to write data to the transport connection: {e.Message}", e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) socket.Dispose();
        base.Dispose(disposing);
    }

    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
