using System.Security.Cryptography;
using ContentPipeline.Delivery;
using ContentPipeline.Newsletters;
using MimeKit;
using ContentPipeline.Tests.TestSupport;
using MimeKit.Cryptography;

namespace ContentPipeline.Tests.Delivery;

public sealed class IssueCopiesTests
{
    private static readonly NewsletterOptions Newsletter = new()
    {
        Title = "Morning Post", FromAddress = "post@morning.test", FromName = "Morning Post", PublicBaseUrl = "https://morning.test",
        UnsubscribeMailbox = "unsubscribe@morning.test",
    };

    public static TheoryData<string?> Names => new()
    {
        "Ann", null, "José O'Brien & <Sons>", "\"Quoted\", with a comma", string.Join(' ', Enumerable.Repeat("Bartholomew-Ñúñez", 60)),
        "Eve\r\nBcc: attacker@evil.test",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void AComposedCopy_IsTheSameAsAFullRender(string? name)
    {
        var (factory, renderer) = MessageFactoryTests.Create(Newsletter);
        var issue = renderer.View(7, new DateTime(2026, 11, 28), [MessageFactoryTests.Story("Rates cut")]);
        var subscriber = MessageFactoryTests.Subscriber(name, id: 9);

        var outgoing = factory.ForIssue(issue).Create(subscriber, "issue-7.sub-9@morning.test");
        Assert.IsType<PreparedBody>(outgoing.Message.Body); // the fast path, not a fallback to full build
        var composed = outgoing.Parse();
        var full = OutgoingMessage.For(factory.Create(issue, subscriber, "issue-7.sub-9@morning.test")).Parse();

        // Each call signs a fresh token (Data Protection is randomised): compare with the tokens set aside.
        // The same HTML text: a copy writes a double quote in a name as &quot; everywhere, the serializer leaves it bare in text.
        Assert.Equal(System.Net.WebUtility.HtmlDecode(WithoutToken(full, full.HtmlBody!)), System.Net.WebUtility.HtmlDecode(WithoutToken(composed, composed.HtmlBody!)));
        Assert.Equal(WithoutToken(full, full.TextBody!), WithoutToken(composed, composed.TextBody!));
        Assert.Equal(WithoutToken(full, full.Headers["List-Unsubscribe"]!), WithoutToken(composed, composed.Headers["List-Unsubscribe"]!));
        Assert.Equal(full.From.ToString(), composed.From.ToString());
        Assert.Equal(full.To.ToString(), composed.To.ToString());
        Assert.Equal(full.Subject, composed.Subject);
        Assert.Equal(full.MessageId, composed.MessageId);
        Assert.Equal(full.Date, composed.Date);
        Assert.Equal("1.0", composed.Headers[HeaderId.MimeVersion]);
        Assert.Null(composed.Headers[HeaderId.Bcc]);
        Assert.Single(composed.To.Mailboxes);
        Assert.All(System.Text.Encoding.UTF8.GetString(outgoing.ToBytes()).Split("\r\n"), line => Assert.True(line.Length <= 998, $"a line of {line.Length}"));
        Assert.Equal(full.Headers["List-Unsubscribe-Post"], composed.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(["text/plain", "text/html"], Assert.IsType<MultipartAlternative>(composed.Body).Select(p => p.ContentType.MimeType));
        Assert.Equal(("post@morning.test", "eve@example.org"), (outgoing.Sender.Address, outgoing.Recipient.Address));
    }

    [Fact]
    public void AMessageIdWithALineBreak_IsRefused_NotWrittenAsAHeaderOfItsOwn()
    {
        var (factory, renderer) = MessageFactoryTests.Create(Newsletter);
        var copies = factory.ForIssue(renderer.View(7, new DateTime(2026, 11, 28), [MessageFactoryTests.Story("Rates cut")]));

        var e = Assert.Throws<InvalidOperationException>(() => copies.Create(MessageFactoryTests.Subscriber("Ann"), "issue-7.sub-3@morning.test>\r\nBcc: <x@evil.test"));
        Assert.Contains("Message-Id", e.Message);
    }

    [Fact]
    public void ASentCopy_GivesItsBufferBack_AndCannotBeWrittenAgain()
    {
        var (factory, renderer) = MessageFactoryTests.Create(Newsletter);
        var outgoing = factory.ForIssue(renderer.View(7, new DateTime(2026, 11, 28), [MessageFactoryTests.Story("Rates cut")]))
            .Create(MessageFactoryTests.Subscriber("Ann"), "issue-7.sub-3@morning.test");
        Assert.Contains("Good morning, Ann.", outgoing.Parse().TextBody);

        outgoing.Dispose();
        outgoing.Dispose();

        Assert.Throws<ObjectDisposedException>(() => outgoing.ToBytes());
    }

    [Fact]
    public void CopiesComposedAtOnceByManyWorkers_EachCarryTheirOwnReader()
    {
        var (factory, renderer) = MessageFactoryTests.Create(Newsletter);
        var copies = factory.ForIssue(renderer.View(7, new DateTime(2026, 11, 28), [MessageFactoryTests.Story("Rates cut")]));

        var texts = Enumerable.Range(1, 64).AsParallel().WithDegreeOfParallelism(8)
            .Select(i =>
            {
                using var copy = copies.Create(MessageFactoryTests.Subscriber($"Reader {i}", id: i), $"issue-7.sub-{i}@morning.test");
                return (i, copy.Parse().TextBody);
            }).ToList();

        Assert.All(texts, t => Assert.Contains($"Good morning, Reader {t.i}.", t.TextBody));
        Assert.Same(copies, factory.ForIssue(renderer.View(7, new DateTime(2026, 11, 28), [MessageFactoryTests.Story("Rates cut")])));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(".Dot")]
    public void NoLineOfAComposedCopy_StartsWithADot_YetTheDotsAllArrive(string? name)
    {
        // Dots where quoted-printable wraps its lines, and text lines that start with one: SMTP would have to double them.
        var story = MessageFactoryTests.Story("Dots") with { Summary = new string('.', 400) + "\n.hidden\n..two" };
        var (factory, renderer) = MessageFactoryTests.Create(Newsletter);
        var issue = renderer.View(7, new DateTime(2026, 11, 28), [story]);
        var subscriber = MessageFactoryTests.Subscriber(name);

        using var outgoing = factory.ForIssue(issue).Create(subscriber, "issue-7.sub-3@morning.test");
        Assert.IsType<PreparedBody>(outgoing.Message.Body);
        var wire = System.Text.Encoding.ASCII.GetString(outgoing.ToBytes());

        Assert.DoesNotContain("\r\n.", wire);
        var composed = outgoing.Parse();
        var full = OutgoingMessage.For(factory.Create(issue, subscriber, "issue-7.sub-3@morning.test")).Parse();
        Assert.Contains(new string('.', 400), composed.TextBody);
        Assert.Equal(WithoutToken(full, full.TextBody!), WithoutToken(composed, composed.TextBody!));
        Assert.Equal(WithoutToken(full, full.HtmlBody!), WithoutToken(composed, composed.HtmlBody!));
    }

    [Fact]
    public void ATemplateThatTransformsTheReadersName_GetsEveryCopyComposedInFull()
    {
        using var root = new ContentPipeline.Tests.TestSupport.TestRoot();
        var templates = Path.Combine(root.Path, "templates");
        var text = Path.Combine(templates, "newsletter.txt.liquid");
        File.WriteAllText(text, File.ReadAllText(text).Replace("{{ reader.name }}", "{{ reader.name | upcase }}"));
        var (factory, renderer) = MessageFactoryTests.Create(Newsletter, templatesFolder: templates);

        var outgoing = factory.ForIssue(renderer.View(7, new DateTime(2026, 11, 28), [MessageFactoryTests.Story("Rates cut")]))
            .Create(MessageFactoryTests.Subscriber("Ann"), "issue-7.sub-3@morning.test");

        Assert.IsNotType<PreparedBody>(outgoing.Message.Body);
        Assert.Contains("Good morning, ANN.", outgoing.Parse().TextBody);
    }

    [Fact]
    public void TheHtmlPart_HasItsCssInlined_AndATenStoryIssueStaysUnder100KB()
    {
        var (factory, renderer) = MessageFactoryTests.Create(Newsletter);
        var stories = Enumerable.Range(1, 10).Select(i => MessageFactoryTests.Story($"Story number {i} about the harbour and the council") with
        {
            Summary = string.Join(' ', Enumerable.Repeat($"Sentence {i} of a summary that runs to a few hundred characters.", 8)),
            Topics = ["city", "transport"],
        }).ToList();

        var outgoing = factory.ForIssue(renderer.View(7, new DateTime(2026, 11, 28), stories)).Create(MessageFactoryTests.Subscriber("Ann"), "issue-7.sub-3@morning.test");
        var bytes = outgoing.ToBytes().Length;
        var message = outgoing.Parse();

        Assert.True(bytes < 100 * 1024, $"{bytes} bytes");
        Assert.Contains("<h2 class=\"headline\" style=\"", message.HtmlBody);
        Assert.Contains("font-size: 21px", message.HtmlBody);
        Assert.DoesNotContain(".headline {", message.HtmlBody);
        Assert.DoesNotContain("display: flex", message.HtmlBody);
        Assert.Equal(["text/plain", "text/html"], Assert.IsType<MultipartAlternative>(message.Body).Select(p => p.ContentType.MimeType));
    }

    [Fact]
    public void ListUnsubscribe_OffersTheOneClickLinkAndAMailto_WithTheSameToken()
    {
        var (factory, renderer) = MessageFactoryTests.Create(Newsletter);
        var message = factory.Create(renderer.View(7, new DateTime(2026, 11, 28), [MessageFactoryTests.Story("Rates cut")]),
            MessageFactoryTests.Subscriber("Ann"), "issue-7.sub-3@morning.test");

        var match = System.Text.RegularExpressions.Regex.Match(message.Headers["List-Unsubscribe"]!,
            @"^<https://morning\.test/unsubscribe/([A-Za-z0-9_-]+)>, <mailto:unsubscribe@morning\.test\?subject=unsubscribe-([A-Za-z0-9_-]+)>$");
        Assert.True(match.Success, message.Headers["List-Unsubscribe"]);
        Assert.Equal(match.Groups[1].Value, match.Groups[2].Value);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("Date", message.Headers.Select(h => h.Field));
    }

    [Fact]
    public async Task ADkimSignature_CoversTheUnsubscribeHeaders_AndVerifiesAfterTransport()
    {
        using var rsa = RSA.Create(2048);
        var dkim = new DkimOptions { Domain = "morning.test", Selector = "news", PrivateKey = rsa.ExportRSAPrivateKeyPem() };
        var (factory, renderer) = MessageFactoryTests.Create(Newsletter, dkim);
        var sent = factory.ForIssue(renderer.View(7, new DateTime(2026, 11, 28), [MessageFactoryTests.Story("Rates cut")]))
            .Create(MessageFactoryTests.Subscriber("Ann"), "issue-7.sub-3@morning.test");

        var received = sent.Parse();
        var index = received.Headers.IndexOf(HeaderId.DkimSignature);
        var signature = received.Headers[index].Value;
        var verifier = new DkimVerifier(new OneKeyLocator("news._domainkey.morning.test", Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo())));

        Assert.True(await verifier.VerifyAsync(received, received.Headers[index]), signature);
        Assert.True(string.Concat(signature.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant().Contains("list-unsubscribe:list-unsubscribe-post"), signature);
        Assert.Contains("d=morning.test", signature);

        received.Headers.Replace("List-Unsubscribe-Post", "List-Unsubscribe=Something-Else");
        Assert.False(await verifier.VerifyAsync(received, received.Headers[received.Headers.IndexOf(HeaderId.DkimSignature)]));
    }

    private static string WithoutToken(MimeMessage message, string text)
    {
        var link = message.Headers["List-Unsubscribe"]!.Split('>')[0].TrimStart('<');
        var token = link[(link.LastIndexOf('/') + 1)..];
        Assert.Contains(token, text);
        return text.Replace(token, "TOKEN");
    }
}
