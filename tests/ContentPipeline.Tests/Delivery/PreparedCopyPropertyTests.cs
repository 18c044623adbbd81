using System.Text;
using ContentPipeline.Data;
using ContentPipeline.Delivery;
using ContentPipeline.Subscribers;
using CsCheck;
using MimeKit;
using Xunit.Abstractions;

namespace ContentPipeline.Tests.Delivery;

/// <summary>
/// The prepared-copy fast path against MimeKit's full build, on generated readers: any name (length, script,
/// quotes, commas, backslashes, RFC 2047 look-alikes, emoji, control characters) and any address (quoted local parts,
/// long domains, IDN). A reader is either refused at the edge with a short message naming the field, or gets a copy
/// that parses to what MimeKit builds, with no line over 998 octets and no header beyond the expected ones.
/// </summary>
public sealed class PreparedCopyPropertyTests(ITestOutputHelper output)
{
    private static readonly string[] Fragments =
    [
        "José", "Ñúñez", "Παπαδημητρίου", "Иванова", "山田太郎", "محمد", "😀🎉", "👩‍👩‍👧", "O'Brien", "\"Quoted\"", "\"", "a,b", ",", "back\\slash", "\\",
        "=?utf-8?q?Hi?=", "=?iso-8859-1?B?SGk=?=", "=?", "?=", "<x@y.z>", "Bcc: x@evil.test", "@", ";", ":", "(comment)", "[x]", "\u00A0", "\u200B",
        "\u2028", "\t", "\r\n", "\n", "\r", "\0", "\u0085", "\uFEFF", "\ud800", "&amp;", "<b>", "{{ reader.name }}", "%", "=2E", ".",
    ];

    private static readonly Gen<string> Word = Gen.Frequency(
        (12, Gen.String[Gen.Char['a', 'z'], 1, 12]),
        (3, Gen.OneOf(Fragments)),
        (1, Gen.String[Gen.Char.AlphaNumeric, 30, 120]),
        (1, Gen.String[Gen.Char, 1, 8]));

    private static readonly Gen<string?> Name = Gen.Frequency(
        (1, Gen.Const((string?)null)),
        (8, Gen.Select(Word.Array[1, 12], Gen.OneOf(" ", "", "  ", ", "), (words, separator) => (string?)string.Join(separator, words))),
        (2, Gen.Select(Word.Array[20, 60], words => (string?)string.Join(' ', words))));

    private static readonly Gen<string> Label = Gen.Frequency(
        (16, Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 20]),
        (2, Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], 40, 63]),
        (2, Gen.OneOf("bücher", "例え", "δοκιμή", "xn--bcher-kva", "münchen", "-bad", "bad-")));

    private static readonly Gen<string> LocalPart = Gen.Frequency(
        (8, Gen.Select(Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 24].Array[1, 3], parts => string.Join('.', parts))),
        (4, Gen.Select(Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~-"], 1, 24].Array[1, 3], parts => string.Join('.', parts))),
        (2, Gen.Select(Gen.String[Gen.Char["abc xyz,;:@<>()[]\\.\"é"], 1, 20], text => $"\"{text}\"")),
        (1, Gen.OneOf("josé", "用户", "a..b", ".a", "a.", "a\r\nb", "a b")),
        (1, Gen.String[Gen.Char.AlphaNumeric, 60, 80]));

    private static readonly Gen<string> Email = Gen.Select(LocalPart, Label.Array[1, 5], Gen.OneOf("com", "org", "museum", "de", "xn--p1ai"),
        (local, labels, tld) => $"{local}@{string.Join('.', labels)}.{tld}");

    private static readonly HashSet<string> ExpectedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "MIME-Version", "From", "Subject", "List-Unsubscribe-Post", "To", "Date", "Message-Id", "List-Unsubscribe", "Content-Type",
    };

    /// <summary>6,000 in the suite (seconds); set PROPERTY_ITERATIONS for a longer search. A failure prints the seed that repeats it.</summary>
    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("PROPERTY_ITERATIONS"), out var n) ? n : 6000;

    [Fact]
    public void EveryGeneratedReader_IsRefusedAtTheEdge_OrGetsACopyThatParsesAsMimeKitsOwn()
    {
        var (factory, renderer) = MessageFactoryTests.Create(new ContentPipeline.Newsletters.NewsletterOptions
        {
            Title = "Morning Post", FromAddress = "post@morning.test", FromName = "Morning Post", PublicBaseUrl = "https://morning.test",
            UnsubscribeMailbox = "unsubscribe@morning.test",
        });
        var issue = renderer.View(7, new DateTime(2026, 11, 28), [MessageFactoryTests.Story("Rates cut")]);
        var copies = factory.ForIssue(issue);
        int accepted = 0, refused = 0;

        Gen.Select(Email, Name, Gen.Long[1, 1_000_000]).Sample((email, name, id) =>
        {
            if (!SubscriberInput.TryValidate(email, name, out var validEmail, out var validName, out var error))
            {
                Assert.Matches("^(email|name): ", error);
                Assert.True(error.Length <= 200, $"a long error: {error}");
                Interlocked.Increment(ref refused);
                return;
            }
            Interlocked.Increment(ref accepted);
            var subscriber = new Subscriber
            {
                Id = id, Email = validEmail, NormalizedEmail = EmailAddresses.Normalize(validEmail), Name = validName, Origin = "test",
                Status = SubscriberStatus.Active,
            };
            var messageId = $"issue-7.sub-{id}@morning.test";
            using var outgoing = copies.Create(subscriber, messageId);
            Assert.IsType<PreparedBody>(outgoing.Message.Body);
            var bytes = outgoing.ToBytes();
            var prepared = outgoing.Parse();
            var full = OutgoingMessage.For(factory.Create(issue, subscriber, messageId)).Parse();

            Assert.All(Lines(bytes), length => Assert.True(length <= 998, $"a line of {length} octets"));
            Assert.Subset(ExpectedHeaders, prepared.Headers.Select(h => h.Field).ToHashSet(StringComparer.OrdinalIgnoreCase));
            // The same mailbox; the display name equal but for white space where an encoded word meets a quoted string:
            // MimeKit folds its own To at another column, and its decoder then adds or drops a space there (seed 4Bdr2mJWrMV1).
            Assert.Equal(Assert.Single(full.To.Mailboxes).Address, Assert.Single(prepared.To.Mailboxes).Address);
            Assert.Equal(Squeezed(Assert.Single(full.To.Mailboxes).Name), Squeezed(Assert.Single(prepared.To.Mailboxes).Name));
            // What the reader sees is what they typed; MimeKit may add a space where an encoded word meets plain text.
            Assert.Equal(Squeezed(validName), Squeezed(Assert.Single(prepared.To.Mailboxes).Name));
            Assert.Equal(full.From.ToString(), prepared.From.ToString());
            Assert.Equal(full.Subject, prepared.Subject);
            Assert.Equal(full.MessageId, prepared.MessageId);
            Assert.Equal(full.Date, prepared.Date);
            Assert.Equal(full.Headers["List-Unsubscribe"], prepared.Headers["List-Unsubscribe"]);
            Assert.Equal(full.Headers["List-Unsubscribe-Post"], prepared.Headers["List-Unsubscribe-Post"]);
            Assert.Equal(full.TextBody, prepared.TextBody);
            // A copy writes a double quote as &quot; wherever it is; the serializer leaves it bare in text. The same HTML text.
            Assert.Equal(System.Net.WebUtility.HtmlDecode(full.HtmlBody), System.Net.WebUtility.HtmlDecode(prepared.HtmlBody));
            Assert.Equal(subscriber.Email, outgoing.Recipient.Address);
        }, iter: Iterations, writeLine: output.WriteLine, threads: 1);

        output.WriteLine($"{accepted} reader(s) got a copy, {refused} were refused at the edge");
        Assert.True(accepted > Iterations / 3 && refused > Iterations / 10, $"the generators should exercise both sides: {accepted} accepted, {refused} refused");
    }

    private static string Squeezed(string? text) => string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));

    private static IEnumerable<int> Lines(byte[] bytes)
    {
        var start = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] != '\r' || bytes[i + 1] != '\n') continue;
            yield return i - start;
            start = i + 2;
        }
    }
}
