using System.Security.Cryptography;
using ContentPipeline.Data;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using MimeKit.Cryptography;

namespace ContentPipeline.Tests.Delivery;

/// <summary>One reader's copy never stops a send: a long name is folded as MimeKit folds it, and a copy that cannot be made fails alone.</summary>
[Collection(HostCollection.Name)]
public sealed class PoisonCopyTests
{
    private const string LongName = "Maria Alexandra Konstantinopoulou Papadimitriou Georgiou Athens Office Team";

    [Theory]
    [InlineData("Smtp", false)]
    [InlineData("Pickup", false)]
    [InlineData("Smtp", true)]
    [InlineData("Pickup", true)]
    public async Task Digest_SendsEveryReaderOneCopy_AndTheLongNamedReaderACorrectlyFoldedOne(string mode, bool dkim)
    {
        using var rsa = RSA.Create(2048);
        await using var s = new SendScenario(Settings(mode, dkim ? rsa : null));
        await s.PrepareAsync(3);
        Assert.Equal(0, (await s.Cli.RunAsync("subscribers", "add", "a4@example.com", "--name", LongName)).ExitCode);

        var digest = await s.Cli.RunAsync("digest", "--timeout", "60");

        Assert.True(digest.ExitCode == 0, digest.Output + digest.Error);
        Assert.Contains("deliveries: 4 sent, 0 deferred, 0 failed", digest.Output);
        var copies = Copies(s, mode);
        Assert.Equal(4, copies.Count);
        Assert.Equal(["a4@example.com", .. Enumerable.Range(1, 3).Select(SendScenario.Address)], copies.Keys.Order());
        var (raw, message) = copies["a4@example.com"];
        Assert.Equal(LongName, Assert.Single(message.To.Mailboxes).Name);
        var head = System.Text.Encoding.ASCII.GetString(raw).Split("\r\n\r\n")[0];
        Assert.Matches("\r\nTo: [^\r]+\r\n[ \t]", head); // folded
        Assert.All(head.Split("\r\n"), line => Assert.True(line.Length <= 998, $"a line of {line.Length}"));
        Assert.DoesNotContain("\r\nBcc:", head, StringComparison.OrdinalIgnoreCase);
        if (dkim)
        {
            var verifier = new DkimVerifier(new OneKeyLocator("news._domainkey.larkhaven.test", Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo())));
            Assert.True(await verifier.VerifyAsync(message, message.Headers[message.Headers.IndexOf(HeaderId.DkimSignature)]));
        }
        Assert.Equal(IssueState.Sent, await s.IssueStateAsync());
    }

    [Theory]
    [InlineData("Smtp", false)]
    [InlineData("Smtp", true)]
    [InlineData("Pickup", false)]
    public async Task ACopyThatCannotBeMade_FailsAfterMaxAttempts_AndTheIssueFinishes(string mode, bool dkim)
    {
        using var rsa = RSA.Create(2048);
        var settings = Settings(mode, dkim ? rsa : null);
        settings["Delivery:MaxAttempts"] = "3";
        await using var s = new SendScenario(settings);
        await s.PrepareAsync(3);
        // A row no edge would accept (written by an older version, or by hand): its copy cannot be made.
        await using (var db = TestDb.Open(s.Root.Root))
        {
            db.Subscribers.Add(new Subscriber
            {
                Email = "eve@example.org\r\nBcc: victim@evil.test", NormalizedEmail = "eve@example.org\r\nbcc: victim@evil.test", Name = "Eve",
                Status = SubscriberStatus.Active, Origin = "legacy", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var digest = await s.Cli.RunAsync("digest", "--timeout", "60");

        Assert.True(digest.ExitCode == 0, digest.Output + digest.Error);
        Assert.Contains("deliveries: 3 sent, 0 deferred, 1 failed", digest.Output);
        var poison = (await s.DeliveriesByEmailAsync()).Single(d => d.Key.StartsWith("eve@")).Value;
        Assert.Equal((DeliveryState.Failed, 3), (poison.State, poison.Attempts));
        Assert.Contains("gave up after 3 attempt(s): the copy could not be made", poison.LastError);
        var copies = Copies(s, mode);
        Assert.Equal(Enumerable.Range(1, 3).Select(SendScenario.Address), copies.Keys.Order());
        Assert.All(copies.Values, c => Assert.DoesNotContain("victim", System.Text.Encoding.ASCII.GetString(c.Raw)));
        Assert.Equal(IssueState.Sent, await s.IssueStateAsync());
        Assert.Contains("1 failed: gave up after 3 attempt(s): the copy could not be made", (await s.Cli.RunAsync("issues", "list")).Output);
    }

    private static Dictionary<string, string?> Settings(string mode, RSA? dkim)
    {
        var settings = new Dictionary<string, string?> { ["Delivery:Mode"] = mode, ["Delivery:LeaseSeconds"] = "10" };
        if (dkim is not null)
        {
            settings["Dkim:Domain"] = "larkhaven.test";
            settings["Dkim:Selector"] = "news";
            settings["Dkim:PrivateKey"] = dkim.ExportRSAPrivateKeyPem();
        }
        return settings;
    }

    /// <summary>Each recipient's copy, from the SMTP server or the pickup folder.</summary>
    private static Dictionary<string, (byte[] Raw, MimeMessage Message)> Copies(SendScenario s, string mode) =>
        mode == "Smtp"
            ? s.Smtp.Messages.ToDictionary(m => Assert.Single(m.To), m => (m.Raw, m.Message))
            : Directory.GetFiles(Path.Combine(s.Root.Path, "data", "outbox"), "*.eml").Select(File.ReadAllBytes)
                .Select(raw => (raw, message: MimeMessage.Load(new MemoryStream(raw))))
                .ToDictionary(c => Assert.Single(c.message.To.Mailboxes).Address, c => (c.raw, c.message));
}
