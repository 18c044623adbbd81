using System.Net;
using System.Net.Http.Json;
using ContentPipeline.Tests.Admin;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Tests.Subscribers;

/// <summary>A name of at most 200 characters and an address of at most 254, the same at every edge; an oversized field gets a short 400 naming it.</summary>
[Collection(HostCollection.Name)]
public sealed class EdgeLimitsTests : IAsyncLifetime
{
    private static readonly string TooLongName = new('n', 201);
    private static readonly string TooLongEmail = new string('e', 300) + "@example.org";
    private readonly TestRoot _root = new();
    private readonly SmtpTestServer _smtp = new();
    private WebHost _host = null!;
    private Dictionary<string, string?> _settings = null!;

    public async Task InitializeAsync()
    {
        _settings = AdminSignIn.Settings(_smtp.Settings(new Dictionary<string, string?> { ["Subscribers:DoubleOptIn"] = "true" }));
        _host = await WebHost.StartAsync(_root.Root, "Production", _settings);
    }

    [Fact]
    public async Task TheSignUpForm_RefusesAnOversizedField_WithAShort400NamingIt()
    {
        var name = await AdminSignIn.PostFormAsync(_host.Http, "/subscribe", "/subscribe", ("email", "ida@example.org"), ("name", TooLongName));
        var email = await AdminSignIn.PostFormAsync(_host.Http, "/subscribe", "/subscribe", ("email", TooLongEmail + new string('x', 100_000)));

        Assert.Equal(HttpStatusCode.BadRequest, name.StatusCode);
        Assert.Contains("name: the name is longer than 200 characters", await name.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, email.StatusCode);
        var body = await email.Content.ReadAsStringAsync();
        Assert.Contains("email: the address is longer than 254 characters", body);
        Assert.DoesNotContain(new string('e', 100), body);
        await using var db = TestDb.Open(_root.Root);
        Assert.Equal(0, await db.Subscribers.CountAsync());
    }

    [Fact]
    public async Task APendingAddress_GetsOneConfirmationMail_HoweverOftenTheFormIsSent()
    {
        for (var i = 0; i < 3; i++)
        {
            var signUp = await AdminSignIn.PostFormAsync(_host.Http, "/subscribe", "/subscribe", ("email", "ida@example.org"),
                ("name", "Maria Alexandra Konstantinopoulou Papadimitriou Georgiou Athens Office Team"));
            Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);
        }

        await _smtp.WaitForMessageAsync(TimeSpan.FromSeconds(20));
        await _host.WaitForIdleJobsAsync(TimeSpan.FromSeconds(20));
        Assert.Single(_smtp.Messages);
        await using var db = TestDb.Open(_root.Root);
        Assert.NotNull((await db.Subscribers.SingleAsync()).ConfirmationSentAt);
    }

    [Fact]
    public async Task TheApiTheAdminPageTheCliAndImport_ApplyTheSameLimits()
    {
        await AdminSignIn.SignInAsync(_host.Http);

        var api = await _host.Http.PostAsJsonAsync("/api/subscribers", new { email = "ann@example.org", name = TooLongName });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("name: the name is longer than 200 characters", await api.Content.ReadAsStringAsync());
        var apiEmail = await _host.Http.PostAsJsonAsync("/api/subscribers", new { email = TooLongEmail });
        Assert.Contains("email: the address is longer than 254 characters", await apiEmail.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, (await _host.Http.PostAsJsonAsync("/api/subscribers", new { email = "ann@example.org", name = "Ann" })).StatusCode);

        var page = await AdminSignIn.PostFormAsync(_host.Http, "/admin/subscribers", "/admin/subscribers?handler=Add", ("email", "ben@example.org"), ("name", TooLongName));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("name: the name is longer than 200 characters", await page.Content.ReadAsStringAsync());

        var cli = new CliRunner(_root.Root, _settings);
        var add = await cli.RunAsync("subscribers", "add", "cat@example.org", "--name", TooLongName);
        Assert.Equal(1, add.ExitCode);
        Assert.Contains("name: the name is longer than 200 characters", add.Error);

        var import = await cli.RunAsync("subscribers", "import", _root.Write("in.csv", $"email,name\ndan@example.org,{TooLongName}\n{TooLongEmail},Eve\nfay@example.org,Fay\n"));
        Assert.Equal(1, import.ExitCode);
        Assert.Contains("line 2: name: the name is longer than 200 characters", import.Output);
        Assert.Contains("line 3: email: the address is longer than 254 characters", import.Output);

        await using var db = TestDb.Open(_root.Root);
        Assert.Equal(["ann@example.org", "fay@example.org"], await db.Subscribers.OrderBy(s => s.Email).Select(s => s.Email).ToListAsync());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
        _root.Dispose();
    }
}
