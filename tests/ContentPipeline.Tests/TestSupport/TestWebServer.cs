using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentPipeline.Tests.TestSupport;

public sealed record WebResponse(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public static WebResponse Text(string body, string contentType = "text/html; charset=utf-8", int status = 200) =>
        new(status, contentType, System.Text.Encoding.UTF8.GetBytes(body));

    public static WebResponse Redirect(string location, int status = 302) =>
        new(status, "text/plain", [], new Dictionary<string, string> { ["Location"] = location });
}

/// <summary>A web server on 127.0.0.1 serving what the test puts at each path (404 elsewhere), recording every request.</summary>
public sealed class TestWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestWebServer(WebApplication app, Uri address, ConcurrentDictionary<string, Func<HttpRequest, WebResponse>> routes)
    {
        _app = app;
        Address = address;
        Routes = routes;
    }

    public Uri Address { get; }
    public ConcurrentDictionary<string, Func<HttpRequest, WebResponse>> Routes { get; }
    /// <summary>Requests as they arrived; headers are copied, since Kestrel reuses its header objects.</summary>
    public ConcurrentQueue<(string Path, IReadOnlyDictionary<string, string> Headers, DateTime ArrivedAt)> Requests { get; } = new();

    public Uri Url(string path) => new(Address, path);

    public void Serve(string path, WebResponse response) => Routes[path] = _ => response;

    public static async Task<TestWebServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var routes = new ConcurrentDictionary<string, Func<HttpRequest, WebResponse>>();
        TestWebServer? server = null;
        app.Run(async context =>
        {
            server!.Requests.Enqueue((context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), DateTime.UtcNow));
            var response = routes.TryGetValue(context.Request.Path.Value ?? "/", out var route)
                ? route(context.Request) : WebResponse.Text("not found", "text/plain", 404);
            if (response.Delay > TimeSpan.Zero) await Task.Delay(response.Delay, context.RequestAborted);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new TestWebServer(app, new Uri(address), routes);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
