using ContentPipeline.Tests.Admin;
using ContentPipeline.Tests.EndToEnd;
using ContentPipeline.Tests.TestSupport;
using Microsoft.Playwright;

namespace ContentPipeline.Tests.Browser;

/// <summary>An admin in a real browser, against the real host in Production: sign-in, the dashboard, the digest, the preview.</summary>
[Collection(HostCollection.Name)]
public sealed class AdminDashboardBrowserTests : IAsyncLifetime
{
    private readonly TestRoot _root = new();
    private readonly SmtpTestServer _smtp = new();
    private WebHost _host = null!;
    private Chromium _chromium = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium.ExecutablePath)) return;
        var settings = AdminSignIn.Settings(_smtp.Settings());
        var cli = new CliRunner(_root.Root, settings);
        Assert.Equal(0, (await cli.RunAsync("ingest", _root.Write("in/harbour.txt", Fixtures.SecondArticle))).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("subscribers", "add", "reader@example.org")).ExitCode);
        _host = await WebHost.StartAsync(_root.Root, "Production", settings);
        _chromium = await Chromium.LaunchAsync();
    }

    [BrowserFact]
    public async Task AnAdmin_SignsIn_TriggersTheDigestFromTheDashboard_AndPreviewsTheIssue()
    {
        var page = await _chromium.NewPageAsync(_host.Address);

        // Anonymous: the dashboard is not shown, even to a browser on 127.0.0.1.
        await page.GotoAsync("/hangfire");
        Assert.Contains("/admin/signin", page.Url);
        Assert.Equal(0, await page.Locator("text=Recurring jobs").CountAsync());

        await page.GetByLabel("Email").FillAsync(AdminSignIn.Email);
        await page.GetByLabel("Password").FillAsync(AdminSignIn.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/hangfire");

        await page.GotoAsync("/hangfire/recurring");
        await page.Locator("input.js-jobs-list-checkbox[value='daily-digest']").CheckAsync();
        // The dashboard reloads the page once the trigger is accepted: wait for that, or a later navigation races it.
        var reloaded = new TaskCompletionSource();
        page.Load += (_, _) => reloaded.TrySetResult();
        await page.GetByRole(AriaRole.Button, new() { Name = "Trigger now" }).ClickAsync();
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var mail = await _smtp.WaitForMessageAsync(TimeSpan.FromSeconds(60), m => m.To.Contains("reader@example.org"));
        Assert.Contains("Harbour market", mail.Message.Subject);

        await page.GotoAsync("/hangfire/jobs/succeeded");
        await page.Locator("text=Daily digest").First.WaitForAsync();
        Assert.True(await page.Locator("text=Summarize: Harbour market wins award for reducing waste").CountAsync() > 0,
            "the summarize job is named by its article's title");
        await Chromium.ScreenshotAsync(page, "dashboard-succeeded-jobs");

        await page.GotoAsync("/admin/issues");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open" }).First.ClickAsync();
        await page.FrameLocator("iframe[title='Newsletter preview']").Locator("text=Harbour market").First.WaitForAsync();
        Assert.Contains("Podcast script draft", await page.ContentAsync());
        await Chromium.ScreenshotAsync(page, "admin-issue-preview");
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null) await _chromium.DisposeAsync();
        if (_host is not null) await _host.DisposeAsync();
        await _smtp.DisposeAsync();
        _root.Dispose();
    }
}
