using ContentPipeline.Data;
using ContentPipeline.Newsletters;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ContentPipeline.Delivery;

/// <summary>
/// Builds one subscriber's message: multipart/alternative (text, then HTML with its CSS inlined), Date, a
/// deterministic Message-ID, RFC 8058 one-click and RFC 2369 mailto unsubscribe headers, and a DKIM
/// signature when configured. Every header value goes through MimeKit's encoders and no data can add a
/// header: names and subjects are folded to one line first.
/// </summary>
public sealed class MessageFactory(NewsletterRenderer renderer, UnsubscribeTokens tokens, IOptions<NewsletterOptions> options,
    DkimSigning dkim, TimeProvider clock, ILogger<MessageFactory> logger)
{
    /// <summary>One message, rendered and inlined from scratch by MimeKit. For many messages of one issue use <see cref="ForIssue"/>.</summary>
    public MimeMessage Create(NewsletterView issue, Subscriber subscriber, string messageId)
    {
        var reader = Reader(subscriber);
        var (html, text) = Render(issue with { Reader = reader });
        return Build(issue, subscriber, reader, html, text, messageId);
    }

    private IssueCopies? _lastCopies;

    /// <summary>
    /// Copies of an issue: renders the issue once per kind of reader and personalises each copy by substitution. The
    /// send jobs of one issue share it (the issue's stories do not change while it is sent), so the preparation and
    /// its check run once per issue and process, not once per batch.
    /// </summary>
    public IssueCopies ForIssue(NewsletterView issue) => ForIssue(issue.IssueId, () => issue);

    /// <summary>As <see cref="ForIssue(NewsletterView)"/>; the model is only built when this process has no copies of the issue yet.</summary>
    public IssueCopies ForIssue(long issueId, Func<NewsletterView> model)
    {
        var last = Volatile.Read(ref _lastCopies);
        if (last is not null && last.IssueId == issueId && issueId > 0) return last;
        var copies = new IssueCopies(this, model(), logger);
        Volatile.Write(ref _lastCopies, copies);
        return copies;
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

    internal ReaderView Reader(Subscriber subscriber) =>
        new(OneLine(subscriber.Name), subscriber.Email, options.Value.Link($"unsubscribe/{tokens.Create(subscriber.Id)}"));

    internal (string Html, string Text) Render(NewsletterView model) =>
        (CssInliner.Inline(renderer.Html(model)), renderer.Text(model));

    internal MimeMessage Build(NewsletterView issue, Subscriber subscriber, ReaderView reader, string html, string text, string messageId) =>
        Build(issue, subscriber, reader,
            new TextPart("plain") { Text = text, ContentTransferEncoding = ContentEncoding.QuotedPrintable },
            new TextPart("html") { Text = html, ContentTransferEncoding = ContentEncoding.QuotedPrintable }, messageId);

    internal MimeMessage Build(NewsletterView issue, Subscriber subscriber, ReaderView reader, TextPart text, TextPart html, string messageId)
    {
        var message = new MimeMessage();
        AddIssueHeaders(message, issue);
        AddReaderHeaders(message, subscriber, reader, messageId);
        message.Body = new MultipartAlternative { text, html };
        dkim.Sign(message);
        return message;
    }

    /// <summary>A copy built by MimeKit, with its envelope.</summary>
    internal OutgoingMessage Envelope(MimeMessage message, Subscriber subscriber, string messageId) =>
        new(messageId, Sender, new MailboxAddress("", subscriber.Email), message);

    /// <summary>The envelope sender (MAIL FROM): the From address, parsed once (transports only read it).</summary>
    internal MailboxAddress Sender => _sender ??= new("", options.Value.FromAddress);

    private MailboxAddress? _sender;

    /// <summary>True when each copy must be signed as a whole (DKIM), so it cannot be assembled from prepared bytes.</summary>
    internal bool SignsEachCopy => dkim.Enabled;

    /// <summary>The headers every copy of an issue shares: From, Subject and the one-click marker.</summary>
    internal void AddIssueHeaders(MimeMessage message, NewsletterView issue)
    {
        var o = options.Value;
        message.From.Add(new MailboxAddress(OneLine(o.FromName) ?? o.Title, o.FromAddress));
        message.Subject = OneLine(issue.Subject) ?? o.Title;
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    /// <summary>The headers of one reader's copy: To, Date, the deterministic Message-ID and the unsubscribe links.</summary>
    internal void AddReaderHeaders(MimeMessage message, Subscriber subscriber, ReaderView reader, string messageId)
    {
        message.To.Add(new MailboxAddress(reader.Name ?? "", subscriber.Email));
        message.Date = Now;
        message.MessageId = messageId;
        message.Headers.Add("List-Unsubscribe", ListUnsubscribe(reader, ", "));
    }

    /// <summary>The List-Unsubscribe value: the one-click link, and a mailto when Newsletter:UnsubscribeMailbox is set, parted by <paramref name="separator"/>.</summary>
    internal string ListUnsubscribe(ReaderView reader, string separator)
    {
        var token = reader.UnsubscribeUrl![(reader.UnsubscribeUrl!.LastIndexOf('/') + 1)..];
        return options.Value.UnsubscribeMailbox is { Length: > 0 } mailbox
            ? $"<{reader.UnsubscribeUrl}>{separator}<mailto:{mailbox}?subject=unsubscribe-{token}>"
            : $"<{reader.UnsubscribeUrl}>";
    }

    /// <summary>The time a copy is dated with.</summary>
    internal DateTimeOffset Now => clock.GetUtcNow();

    private static string? OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
            : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(part => new string(part.Where(c => !char.IsControl(c)).ToArray())));
}
