using ContentPipeline.Data;
using ContentPipeline.Newsletters;
using ContentPipeline.Subscribers;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ContentPipeline.Delivery;

/// <summary>
/// Builds one subscriber's message: multipart/alternative (text, then HTML), a deterministic Message-ID,
/// RFC 8058 one-click unsubscribe headers. Every header value goes through MimeKit's encoders and no
/// data can add a header: names and subjects are folded to one line first.
/// </summary>
public sealed class MessageFactory(NewsletterRenderer renderer, UnsubscribeTokens tokens, IOptions<NewsletterOptions> options,
    TimeProvider clock)
{
    public MimeMessage Create(NewsletterModel issue, Subscriber subscriber, string messageId)
    {
        var o = options.Value;
        var unsubscribeUrl = o.Link($"unsubscribe/{tokens.Create(subscriber.Id)}");
        var model = issue with { Reader = new ReaderModel(OneLine(subscriber.Name), subscriber.Email, unsubscribeUrl) };

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(OneLine(o.FromName) ?? o.Title, o.FromAddress));
        message.To.Add(new MailboxAddress(OneLine(subscriber.Name) ?? "", subscriber.Email));
        message.Subject = OneLine(issue.Subject) ?? o.Title;
        message.Date = clock.GetUtcNow();
        message.MessageId = messageId;
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Body = new MultipartAlternative
        {
            new TextPart("plain") { Text = renderer.Text(model) },
            new TextPart("html") { Text = renderer.Html(model) },
        };
        return message;
    }

    /// <summary>The right-hand side of Message-IDs: the sender's domain.</summary>
    public string Domain
    {
        get
        {
            var from = options.Value.FromAddress;
            return from[(from.LastIndexOf('@') + 1)..];
        }
    }

    private static string? OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
            : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(part => new string(part.Where(c => !char.IsControl(c)).ToArray())));
}
