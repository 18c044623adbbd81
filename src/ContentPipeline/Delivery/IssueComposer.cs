using ContentPipeline.Data;
using ContentPipeline.Newsletters;
using MimeKit;

namespace ContentPipeline.Delivery;

/// <summary>
/// Composes many subscribers' copies of one issue fast. Rendering the templates and inlining CSS cost
/// milliseconds, so each is done once per kind of reader (with a name, without) using placeholder values,
/// and each copy then substitutes the reader's own (escaped) values. Before trusting the shortcut it checks
/// it against a full render for a sample reader; a template that transforms reader values (say, upcases
/// the name) fails the check and every copy is rendered in full instead. Not thread-safe: one per worker.
/// </summary>
public sealed class IssueComposer(MessageFactory factory, NewsletterModel issue, ILogger logger)
{
    private const string NameMark = "cpreadernamezq", EmailMark = "cpreaderemailzq", UnsubscribeMark = "cpunsubscribezq";
    private static readonly ReaderModel Sample = new("Sample Reader", "sample.reader@example.org", "https://example.org/unsubscribe/S4mpl3-t0ken_");

    private Parts? _named, _anonymous;

    public MimeMessage Create(Subscriber subscriber, string messageId)
    {
        var reader = factory.Reader(subscriber);
        var parts = reader.Name is null ? _anonymous ??= Prepare(named: false) : _named ??= Prepare(named: true);
        if (!parts.Exact)
        {
            var (html, text) = factory.Render(issue with { Reader = reader });
            return factory.Build(issue, subscriber, reader, html, text, messageId);
        }
        return factory.Build(issue, subscriber, reader, parts.TextPart(reader), parts.HtmlPart(reader), messageId);
    }

    private Parts Prepare(bool named)
    {
        var (html, text) = factory.Render(issue with { Reader = new ReaderModel(named ? NameMark : null, EmailMark, $"https://{UnsubscribeMark}.invalid/{UnsubscribeMark}") });
        var parts = new Parts(html.Replace($"https://{UnsubscribeMark}.invalid/{UnsubscribeMark}", UnsubscribeMark),
            text.Replace($"https://{UnsubscribeMark}.invalid/{UnsubscribeMark}", UnsubscribeMark), Exact: true);
        parts = parts with { EncodedHtml = new EncodedTemplate(parts.Html, Marks), EncodedText = new EncodedTemplate(parts.Text, Marks) };
        var sample = named ? Sample : Sample with { Name = null };
        if (parts.Apply(sample) == factory.Render(issue with { Reader = sample })) return parts;
        logger.LogWarning("Issue {IssueId}: the newsletter templates transform reader values; each copy is rendered in full (slower)", issue.IssueId);
        return parts with { Exact = false };
    }

    private static readonly string[] Marks = [UnsubscribeMark, EmailMark, NameMark];

    private sealed record Parts(string Html, string Text, bool Exact)
    {
        public EncodedTemplate? EncodedHtml { get; init; }
        public EncodedTemplate? EncodedText { get; init; }

        public TextPart HtmlPart(ReaderModel reader) => EncodedHtml!.Part("html", Values(reader, Escape));

        public TextPart TextPart(ReaderModel reader) => EncodedText!.Part("plain", Values(reader, s => s));

        private static string[] Values(ReaderModel reader, Func<string, string> escape) =>
            [escape(reader.UnsubscribeUrl ?? ""), escape(reader.Email ?? ""), escape(reader.Name ?? "")];

        public (string Html, string Text) Apply(ReaderModel reader) =>
            (Fill(Html, reader, Escape), Fill(Text, reader, s => s));

        private static string Fill(string template, ReaderModel reader, Func<string, string> escape) => template
            .Replace(UnsubscribeMark, escape(reader.UnsubscribeUrl ?? ""))
            .Replace(EmailMark, escape(reader.Email ?? ""))
            .Replace(NameMark, escape(reader.Name ?? ""));

        /// <summary>Escapes as the inliner's HTML serializer does, so a copy matches a full render byte for byte.</summary>
        private static string Escape(string value) =>
            value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("\u00A0", "&nbsp;");
    }
}
