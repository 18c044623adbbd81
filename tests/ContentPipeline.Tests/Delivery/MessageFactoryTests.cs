using ContentPipeline.Issues;
using ContentPipeline.Data;
using ContentPipeline.Delivery;
using ContentPipeline.Newsletters;
using ContentPipeline.Subscribers;
using ContentPipeline.Templates;
using ContentPipeline.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace ContentPipeline.Tests.Delivery;

public sealed class MessageFactoryTests
{
    private static readonly NewsletterOptions Options = new() { Title = "Morning Post", FromAddress = "post@morning.test", PublicBaseUrl = "https://morning.test" };

    [Fact]
    public void Create_CannotBeMadeToAddHeaders_ByANameOrHeadlineWithLineBreaks()
    {
        var (factory, renderer) = Create();
        var issue = renderer.View(7, new DateTime(2026, 11, 28), [Story("Rates cut\r\nBcc: victim@evil.test")]);
        var subscriber = Subscriber("Eve\r\nBcc: attacker@evil.test");

        var message = factory.Create(issue, subscriber, "issue-7.sub-3@morning.test");
        var headers = Serialize(message).Replace("\r\n", "\n").Split("\n\n")[0];

        Assert.True(!headers.Contains("\nBcc:", StringComparison.OrdinalIgnoreCase), headers);
        Assert.Empty(message.Bcc);
        Assert.Equal("post@morning.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("eve@example.org", Assert.Single(message.To.Mailboxes).Address);
    }

    [Fact]
    public void Create_EncodesArticleTextInTheHtmlPart()
    {
        var (factory, renderer) = Create();
        var issue = renderer.View(7, new DateTime(2026, 11, 28), [Story("<script>alert(1)</script> rates")]);

        var message = factory.Create(issue, Subscriber("Ann"), "issue-7.sub-3@morning.test");

        Assert.DoesNotContain("<script>", message.HtmlBody);
        Assert.Contains("&lt;script&gt;", message.HtmlBody);
    }

    [Fact]
    public void Create_GivesEachSubscriberTheirOwnUnsubscribeLink_AndTheDeterministicMessageId()
    {
        var (factory, renderer) = Create();
        var issue = renderer.View(7, new DateTime(2026, 11, 28), [Story("Rates cut")]);

        var a = factory.Create(issue, Subscriber("Ann", id: 3), "issue-7.sub-3@morning.test");
        var b = factory.Create(issue, Subscriber("Ben", id: 4), "issue-7.sub-4@morning.test");

        Assert.Equal("issue-7.sub-3@morning.test", a.MessageId);
        Assert.NotEqual(a.Headers["List-Unsubscribe"], b.Headers["List-Unsubscribe"]);
        Assert.Contains(a.Headers["List-Unsubscribe"]!.Trim('<', '>'), a.TextBody);
        Assert.Contains("Good morning, Ann.", a.TextBody);
    }

    internal static (MessageFactory, NewsletterRenderer) Create(NewsletterOptions? newsletter = null, DkimOptions? dkim = null, string? templatesFolder = null)
    {
        var o = Microsoft.Extensions.Options.Options.Create(newsletter ?? Options);
        var templates = new TemplateStore(templatesFolder ?? Path.Combine(TestRoot.RepositoryRoot, "templates"),
            NewsletterRenderer.ViewTypes);
        var renderer = new NewsletterRenderer(templates, o);
        var tokens = new UnsubscribeTokens(new EphemeralDataProtectionProvider(), keyFile: null);
        var signing = new DkimSigning(Microsoft.Extensions.Options.Options.Create(dkim ?? new DkimOptions()), new ContentPipeline.Hosting.ContentRoot(Path.GetTempPath()));
        return (new MessageFactory(renderer, tokens, o, signing, new FakeTimeProvider(), NullLogger<MessageFactory>.Instance), renderer);
    }

    internal static Story Story(string headline) => new(1, headline, "The bank cut rates by half a point.", [], ["rates"], "https://example.org/a", "");

    internal static Subscriber Subscriber(string? name, long id = 3) =>
        new() { Id = id, Email = "eve@example.org", NormalizedEmail = "eve@example.org", Name = name, Origin = "test", Status = SubscriberStatus.Active };

    internal static string Serialize(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
