using ContentPipeline.Hosting;
using MimeKit;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Delivery;

/// <summary>
/// Writes each message as an .eml file named after its Message-ID, byte for byte what SMTP would carry
/// (CRLF line ends, 7-bit safe). Written to a temporary name and renamed, so a crash leaves no half file
/// and a rerun overwrites the same file instead of adding a copy.
/// </summary>
internal sealed class PickupTransport(IOptions<DeliveryOptions> options, ContentRoot root) : IMailTransport, IMailSession
{
    public IMailSession Open(CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Folder);
        return this;
    }

    public void Send(OutgoingMessage outgoing, CancellationToken cancellationToken)
    {
        var message = outgoing.Message;
        message.Prepare(EncodingConstraint.SevenBit);
        var name = string.Concat(outgoing.MessageId.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '@' ? c : '_'));
        var path = Path.Combine(Folder, name + ".eml");
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        {
            message.WriteTo(OutgoingMessage.WireFormat, file, cancellationToken);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public void Dispose()
    {
    }

    private string Folder => root.Resolve(options.Value.PickupDirectory);
}
