using MimeKit;

namespace ContentPipeline.Delivery;

/// <summary>
/// One subscriber's copy as a transport takes it: the envelope (sender and the one recipient), the Message-ID it
/// is known by, and the message itself, either built by MimeKit or assembled from an issue's prepared bytes.
/// </summary>
public sealed record OutgoingMessage(string MessageId, MailboxAddress Sender, MailboxAddress Recipient, MimeMessage Message) : IDisposable
{
    /// <summary>Gives a prepared body's pooled buffer back once the message is sent; the message is not used after.</summary>
    public void Dispose() => (Message.Body as PreparedBody)?.Dispose();

    /// <summary>A single message built by MimeKit: the envelope is its first From and its one To.</summary>
    public static OutgoingMessage For(MimeMessage message) =>
        new(message.MessageId ?? throw new ArgumentException("the message has no Message-ID", nameof(message)), new MailboxAddress("", message.From.Mailboxes.First().Address),
            new MailboxAddress("", message.To.Mailboxes.Single().Address), message);

    /// <summary>The bytes as they go on the wire (CRLF, before SMTP's dot-stuffing) or into a pickup file.</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        Message.WriteTo(WireFormat, buffer);
        return buffer.ToArray();
    }

    /// <summary>The message as a receiver parses it (for checks and tests).</summary>
    public MimeMessage Parse() => MimeMessage.Load(new MemoryStream(ToBytes()));

    /// <summary>CRLF line ends, as SMTP and .eml files want them.</summary>
    public static FormatOptions WireFormat { get; } = CreateWireFormat();

    private static FormatOptions CreateWireFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}

/// <summary>
/// A multipart body whose content is already encoded, CRLF and 7-bit: MimeKit writes its Content-Type, this writes
/// the bytes as they are. Nothing to prepare, nothing to re-encode. The bytes are in a buffer rented from the
/// shared pool (a copy is 20 KB or more; thousands a second would otherwise keep the collector busy).
/// </summary>
internal sealed class PreparedBody(ContentType contentType, byte[] content, int length) : MimeEntity(contentType)
{
    private byte[]? _content = content;

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _content, null) is { } rented) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        base.Dispose(disposing);
    }

    private byte[] Content => _content ?? throw new ObjectDisposedException(nameof(PreparedBody));

    public override void Prepare(EncodingConstraint constraint, int maxLineLength = 78)
    {
    }

    public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        if (!contentOnly) base.WriteTo(options, stream, false, cancellationToken);
        stream.Write(Content, 0, length);
    }

    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        if (!contentOnly) await base.WriteToAsync(options, stream, false, cancellationToken);
        await stream.WriteAsync(Content.AsMemory(0, length), cancellationToken);
    }
}
