using ContentPipeline.Data;
using ContentPipeline.Newsletters;
using MimeKit;

namespace ContentPipeline.Delivery;

/// <summary>
/// Builds many subscribers' copies of one issue fast. Rendering, inlining CSS and MIME-encoding cost a
/// millisecond, so each is done once per kind of reader (with a name, without) using placeholder values: the
/// parts are kept as encoded bytes with holes, and each copy fills in the reader's own (escaped, encoded) values
/// and gets its own headers from MimeKit. Before trusting the shortcut it checks it against a full MimeKit
/// build for a sample reader; a template that transforms reader values (say, upcases the name) fails the
/// check, and so does DKIM (each copy is signed whole): then every copy is built in full by MimeKit, more slowly.
/// Thread-safe: the send workers of one issue share one (see <see cref="MessageFactory.ForIssue"/>).
/// </summary>
public sealed class IssueCopies(MessageFactory factory, NewsletterView issue, ILogger logger)
{
    private const string NameMark = "cpreadernamezq", EmailMark = "cpreaderemailzq", UnsubscribeMark = "cpunsubscribezq";
    private static readonly string[] Marks = [UnsubscribeMark, EmailMark, NameMark];
    private static readonly ReaderView Sample = new("Sample O'Reader & Sons", "sample.reader@example.org", "https://example.org/unsubscribe/S4mpl3-t0ken_");

    private PreparedMessage? _named, _anonymous;
    private bool _namedReady, _anonymousReady;
    private object? _prepareLock;

    public long IssueId => issue.IssueId;

    public OutgoingMessage Create(Subscriber subscriber, string messageId)
    {
        var reader = factory.Reader(subscriber);
        var prepared = reader.Name is null
            ? LazyInitializer.EnsureInitialized(ref _anonymous, ref _anonymousReady, ref _prepareLock, () => Prepare(named: false))
            : LazyInitializer.EnsureInitialized(ref _named, ref _namedReady, ref _prepareLock, () => Prepare(named: true));
        if (prepared is null)
        {
            var (html, text) = factory.Render(issue with { Reader = reader });
            return factory.Envelope(factory.Build(issue, subscriber, reader, html, text, messageId), subscriber, messageId);
        }
        return prepared.Create(subscriber, reader, messageId);
    }

    private PreparedMessage? Prepare(bool named)
    {
        if (factory.SignsEachCopy) return null;
        var unsubscribeUrl = $"https://{UnsubscribeMark}.invalid/{UnsubscribeMark}";
        var (html, text) = factory.Render(issue with { Reader = new ReaderView(named ? NameMark : null, EmailMark, unsubscribeUrl) });
        var prepared = new PreparedMessage(factory, issue, new EncodedTemplate(text.Replace(unsubscribeUrl, UnsubscribeMark), Marks),
            new EncodedTemplate(html.Replace(unsubscribeUrl, UnsubscribeMark), Marks));

        var sample = named ? Sample : Sample with { Name = null };
        var subscriber = new Subscriber { Id = 0, Email = sample.Email!, NormalizedEmail = sample.Email!, Name = sample.Name, Origin = "sample" };
        var (sampleHtml, sampleText) = factory.Render(issue with { Reader = sample });
        var expected = factory.Envelope(factory.Build(issue, subscriber, sample, sampleHtml, sampleText, "sample@example.org"), subscriber, "sample@example.org").Parse();
        var actual = prepared.Create(subscriber, sample, "sample@example.org").Parse();
        if (Same(expected, actual)) return prepared;
        logger.LogWarning("Issue {IssueId}: the newsletter templates transform reader values; each copy is built in full (slower)", issue.IssueId);
        return null;
    }

    private static bool Same(MimeMessage expected, MimeMessage actual) =>
        expected.TextBody == actual.TextBody && expected.HtmlBody == actual.HtmlBody
        && string.Join('\n', expected.From) == string.Join('\n', actual.From) && string.Join('\n', expected.To) == string.Join('\n', actual.To)
        && expected.Subject == actual.Subject && expected.MessageId == actual.MessageId
        && expected.Headers["List-Unsubscribe"] == actual.Headers["List-Unsubscribe"]
        && expected.Headers["List-Unsubscribe-Post"] == actual.Headers["List-Unsubscribe-Post"];

    /// <summary>
    /// One kind of reader's copy as bytes with holes: the multipart body with its two encoded parts. The headers go on
    /// the body entity, which MimeKit writes before the body without looking into them: the issue's are cloned, the
    /// reader's (To, Date, Message-Id, List-Unsubscribe) are set as raw values formatted here. A MimeMessage with
    /// address headers of its own would parse and re-encode each of them for every copy.
    /// </summary>
    private sealed class PreparedMessage
    {
        private static readonly Header ToTemplate = new(HeaderId.To, "a@b.c"), DateTemplate = new(HeaderId.Date, "Sat, 1 Jan 2000 00:00:00 +0000"),
            MessageIdTemplate = new(HeaderId.MessageId, "<a@b.c>"), ListUnsubscribeTemplate = new("List-Unsubscribe", "<https://b.c/>"),
            MimeVersionTemplate = new(HeaderId.MimeVersion, "1.0");
        private readonly MessageFactory _factory;
        private readonly Header[] _issueHeaders;
        private readonly string _boundary;
        private readonly byte[] _textHead, _htmlHead, _end;
        private readonly EncodedTemplate _text, _html;
        private DateValue? _date;

        public PreparedMessage(MessageFactory factory, NewsletterView issue, EncodedTemplate text, EncodedTemplate html)
        {
            _factory = factory;
            var headers = new MimeMessage();
            headers.Headers.Clear();
            factory.AddIssueHeaders(headers, issue);
            _issueHeaders = [.. headers.Headers];
            // "=-" cannot occur in quoted-printable text, so the boundary cannot occur in the parts.
            _boundary = "=-" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=');
            _textHead = Ascii($"--{_boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
            _htmlHead = Ascii($"\r\n--{_boundary}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
            _end = Ascii($"\r\n--{_boundary}--\r\n");
            (_text, _html) = (text, html);
        }

        public OutgoingMessage Create(Subscriber subscriber, ReaderView reader, string messageId)
        {
            var textValues = EncodedTemplate.EncodeValues([reader.UnsubscribeUrl ?? "", reader.Email ?? "", reader.Name ?? ""]);
            var htmlValues = EncodedTemplate.EncodeValues([Escape(reader.UnsubscribeUrl ?? ""), Escape(reader.Email ?? ""), Escape(reader.Name ?? "")]);
            var content = System.Buffers.ArrayPool<byte>.Shared.Rent(
                _textHead.Length + _text.Length(textValues) + _htmlHead.Length + _html.Length(htmlValues) + _end.Length);
            var position = EncodedTemplate.Append(content, 0, _textHead);
            position = _text.Write(content, position, textValues);
            position = EncodedTemplate.Append(content, position, _htmlHead);
            position = _html.Write(content, position, htmlValues);
            position = EncodedTemplate.Append(content, position, _end);

            var body = new PreparedBody(new ContentType("multipart", "alternative") { Boundary = _boundary }, content, position);
            var at = 0;
            foreach (var header in _issueHeaders) body.Headers.Insert(at++, header.Clone());
            var to = new MailboxAddress(reader.Name ?? "", subscriber.Email).ToString(OutgoingMessage.WireFormat, encode: true);
            body.Headers.Insert(at++, to.Length < 900 ? Raw(ToTemplate, to) : new Header(System.Text.Encoding.UTF8, HeaderId.To, to));
            body.Headers.Insert(at++, Raw(DateTemplate, Date()));
            body.Headers.Insert(at++, Raw(MessageIdTemplate, $"<{messageId}>"));
            body.Headers.Insert(at, Raw(ListUnsubscribeTemplate, _factory.ListUnsubscribe(reader, ",\r\n ")));
            return _factory.Envelope(new MimeMessage([MimeVersionTemplate.Clone()]) { Body = body }, subscriber, messageId);
        }

        /// <summary>A header with its value as it goes on the wire, folded as MimeKit folds (CRLF, then a space or a tab).</summary>
        private static Header Raw(Header template, string value)
        {
            // The values come from configuration, the database and MimeKit's encoder; a line break that is not a fold
            // would start a header of its own, so it is refused here whatever its source.
            if (!IsFoldedValue(value))
                throw new InvalidOperationException($"A {template.Field} value with a line break or control character was refused: {value.ReplaceLineEndings(" ")}");
            var header = template.Clone();
            header.SetRawValue(System.Text.Encoding.UTF8.GetBytes($" {value}\r\n"));
            return header;
        }

        /// <summary>True when every control character is a tab or part of a fold: CRLF followed by a space or a tab.</summary>
        internal static bool IsFoldedValue(string value)
        {
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c == '\r' && i + 2 < value.Length && value[i + 1] == '\n' && value[i + 2] is ' ' or '\t') i += 2;
                else if (c != '\t' && char.IsControl(c)) return false;
            }
            return true;
        }

        /// <summary>The Date value, formatted once a second rather than once a copy.</summary>
        private string Date()
        {
            var now = _factory.Now;
            var second = now.ToUnixTimeSeconds();
            if (Volatile.Read(ref _date) is { } cached && cached.Second == second) return cached.Value;
            var date = new DateValue(second, MimeKit.Utils.DateUtils.FormatDate(now));
            Volatile.Write(ref _date, date);
            return date.Value;
        }

        private sealed record DateValue(long Second, string Value);

        private static byte[] Ascii(string text) => System.Text.Encoding.ASCII.GetBytes(text);

        /// <summary>
        /// Escapes as the inliner's HTML serializer does, so a copy matches a full render byte for byte; except a double
        /// quote, which the serializer leaves bare in text and this escapes wherever it is (a value may sit in an attribute).
        /// </summary>
        private static string Escape(string value) =>
            value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("\u00A0", "&nbsp;");
    }
}
