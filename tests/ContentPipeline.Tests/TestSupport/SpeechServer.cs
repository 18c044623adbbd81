using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentPipeline.Tests.TestSupport;

public sealed record SpeechRequest(string Path, string Query, IReadOnlyDictionary<string, string> Headers, JsonNode Body, DateTime ArrivedAt)
{
    public string Input => Body["input"]!.GetValue<string>();
    public string? Voice => Body["voice"]?.GetValue<string>();
}

public sealed record SpeechReply(int Status, byte[] Body, string ContentType, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static SpeechReply Audio(byte[] wav) => new(200, wav, "audio/wav");

    public static SpeechReply Error(int status, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { error = new { message, type = "server_error" } }), "application/json", headers);
}

/// <summary>
/// A local HTTP server on 127.0.0.1 that speaks OpenAI's /audio/speech wire format (OpenAI and Azure OpenAI paths
/// alike), records every request and answers with what the test's callback says: real WAV audio from espeak-ng, or a fault.
/// </summary>
public sealed class SpeechServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SpeechServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }
    public ConcurrentQueue<SpeechRequest> Requests { get; } = new();

    /// <summary>Settings that point Speech:Provider=OpenAI at this server, with quick retries, plus any extra.</summary>
    public Dictionary<string, string?> OpenAISettings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Speech:Enabled"] = "true",
            ["Speech:Provider"] = "OpenAI",
            ["Speech:Endpoint"] = new Uri(Address, "v1").ToString(),
            ["Speech:Model"] = "tts-test",
            ["Speech:RetryBaseDelayMs"] = "20",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    /// <summary>A short real WAV (16-bit PCM mono) saying <paramref name="text"/>, made by espeak-ng (at its own pace unless given one).</summary>
    public static byte[] Wav(string text = "Hello from the test voice.", int? wordsPerMinute = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"speech-server-{Guid.NewGuid():N}.wav");
        try
        {
            var start = new ProcessStartInfo("/usr/bin/espeak-ng") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in wordsPerMinute is { } wpm ? new[] { "-s", wpm.ToString(System.Globalization.CultureInfo.InvariantCulture), "-w", file, text } : ["-w", file, text])
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return File.ReadAllBytes(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Answers the n-th request with the n-th reply, and every later one with the last.</summary>
    public static Func<SpeechRequest, SpeechReply> Sequence(params SpeechReply[] replies)
    {
        var next = -1;
        return _ => replies[Math.Min(Interlocked.Increment(ref next), replies.Length - 1)];
    }

    public static async Task<SpeechServer> StartAsync(Func<SpeechRequest, SpeechReply> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        SpeechServer? server = null;
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body) ?? new JsonObject();
            var request = new SpeechRequest(context.Request.Path, context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body, DateTime.UtcNow);
            server!.Requests.Enqueue(request);
            SpeechReply reply;
            try
            {
                reply = answer(request);
            }
            catch (Exception e)
            {
                reply = SpeechReply.Error(599, "test server callback failed: " + e.Message);
            }
            foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.ContentType;
            await context.Response.Body.WriteAsync(reply.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new SpeechServer(app, new Uri(address));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
