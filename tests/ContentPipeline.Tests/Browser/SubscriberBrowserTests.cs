using ContentPipeline.Issues;
using System.Text.RegularExpressions;
using ContentPipeline.Data;
using ContentPipeline.Jobs;
using ContentPipeline.Tests.EndToEnd;
using ContentPipeline.Tests.TestSupport;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContentPipeline.Tests.Browser;

/// <summary>A visitor in a real browser: subscribes, confirms from the mailed link, reads the issue online, unsubscribes from the newsletter.</summary>
[Collection(HostCollection.Name)]
public sealed partial class SubscriberBrowserTests : IAsyncLifetime
{
    private const string Visitor = "visitor@example.org";
    private readonly TestRoot _root = new();
    private readonly SmtpTestServer _smtp = new();
    private WebHost _host = null!;
    private Chromium _chromium = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium.ExecutablePath)) return;
        var settings = _smtp.Settings(new Dictionary<string, string?>
        {
            ["Subscribers:DoubleOptIn"] = "true",
            ["Newsletter:PublicBaseUrl"] = "https://news.example.org",
        });
        Assert.Equal(0, (await new CliRunner(_root.Root, settings).RunAsync("ingest", _root.Write("in/bridge.txt", Fixtures.FurnishedArticle))).ExitCode);
        _host = await WebHost.StartAsync(_root.Root, "Production", settings);
        _chromium = await Chromium.LaunchAsync();
    }

    [BrowserFact]
    public async Task AVisitor_SubscribesConfirmsReadsOnlineAndUnsubscribes()
    {
        var page = await _chromium.NewPageAsync(_host.Address);

        await page.GotoAsync("/subscribe");
        await page.GetByLabel("Email").FillAsync(Visitor);
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Check your inbox" }).WaitForAsync();

        var confirmation = await _smtp.WaitForMessageAsync(TimeSpan.FromSeconds(30), m => m.Message.Subject?.StartsWith("Confirm") == true);
        await page.GotoAsync(Local(Regex.Match(confirmation.Message.TextBody!, @"https://news\.example\.org/confirm/\S+").Value));
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, subscribe me" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Subscribed" }).WaitForAsync();
        Assert.Equal(SubscriberStatus.Active, await StatusAsync());

        _host.Services.GetRequiredService<IRecurringJobManager>().Trigger(DailyDigestJob.RecurringId);
        var issue = await _smtp.WaitForMessageAsync(TimeSpan.FromSeconds(60), m => m.Message.Subject?.StartsWith("Confirm") == false);
        var html = issue.Message.HtmlBody!;

        await page.GotoAsync(Local(Link(html, "/issues/")));
        await page.Locator("#podcast-script").GetByRole(AriaRole.Heading, new() { Name = "Podcast script" }).WaitForAsync();
        await Chromium.ScreenshotAsync(page, "archive-issue");

        await page.GotoAsync(Local(Link(html, "/unsubscribe/")));
        Assert.Equal(SubscriberStatus.Active, await StatusAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Unsubscribed" }).WaitForAsync();
        Assert.Equal(SubscriberStatus.Unsubscribed, await StatusAsync());
    }

    /// <summary>The first link in the mail whose path contains <paramref name="path"/>.</summary>
    private static string Link(string html, string path) =>
        Href().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).First(h => h.Contains(path));

    /// <summary>The same path on the test host (the mail's links point at Newsletter:PublicBaseUrl).</summary>
    private static string Local(string url) => new Uri(url).PathAndQuery;

    private async Task<SubscriberStatus> StatusAsync()
    {
        await using var db = TestDb.Open(_root.Root);
        return (await db.Subscribers.SingleAsync()).Status;
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    public async Task DisposeAsync()
    {
        if (_chromium is not null) await _chromium.DisposeAsync();
        if (_host is not null) await _host.DisposeAsync();
        await _smtp.DisposeAsync();
        _root.Dispose();
    }
}
