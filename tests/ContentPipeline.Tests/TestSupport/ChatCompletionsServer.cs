using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentPipeline.Tests.TestSupport;

public sealed record ChatRequest(string Path, string Query, IReadOnlyDictionary<string, string> Headers, JsonNode Body, DateTime ArrivedAt)
{
    public string? SchemaName => Body["response_format"]?["json_schema"]?["name"]?.GetValue<string>();

    /// <summary>The JSON document the pipeline sends as the (first) user message; a repair request follows it.</summary>
    public JsonNode UserData => JsonNode.Parse(Body["messages"]!.AsArray().First(m => m!["role"]!.GetValue<string>() == "user")!["content"]!.GetValue<string>())!;
}

public sealed record ChatReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    /// <summary>A 200 chat completion whose assistant message is <paramref name="content"/>.</summary>
    public static ChatReply Completion(string content, string finishReason = "stop") => new(200, JsonSerializer.Serialize(new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        created = 1_764_000_000,
        model = "test-model",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = finishReason } },
        usage = new { prompt_tokens = 120, completion_tokens = 30, total_tokens = 150 },
    }));
}

/// <summary>A well-behaved model for tests and benchmarks that care about the calls, not the prose.</summary>
public static class EchoModel
{
    /// <summary>Answers a summary with the first sentence of the text it was given, and a script with one story segment naming every story.</summary>
    public static ChatReply Answer(ChatRequest request)
    {
        if (request.SchemaName == "podcast_script")
        {
            var ids = request.UserData["stories"]!.AsArray().Select(s => s!["id"]!.GetValue<long>()).ToArray();
            return ChatReply.Completion(JsonSerializer.Serialize(new
            {
                title = "Briefing",
                segments = new[] { new { kind = "story", speaker = "Alex", text = "Today's stories.", articleIds = ids } },
            }));
        }
        var text = request.UserData["text"]!.GetValue<string>();
        var end = text.IndexOfAny(['.', '\n']);
        var first = end < 0 ? text : text[..(end + 1)].TrimEnd('\n');
        return ChatReply.Completion(JsonSerializer.Serialize(new { headline = "News", summary = first, keyPoints = Array.Empty<string>(), topics = new[] { "news" } }));
    }
}

/// <summary>
/// A local HTTP server on 127.0.0.1 that speaks the chat-completions wire format (OpenAI and Azure OpenAI
/// paths alike), records every request and answers with what the test's callback says.
/// </summary>
public sealed class ChatCompletionsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ChatCompletionsServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    private int _inFlight;
    private int _maxInFlight;

    public Uri Address { get; }
    public ConcurrentQueue<ChatRequest> Requests { get; } = new();

    /// <summary>Settings that point the OpenAI-compatible provider at this server, with quick retries, plus any extra.</summary>
    public Dictionary<string, string?> OpenAISettings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "OpenAI",
            ["Llm:Endpoint"] = new Uri(Address, "v1").ToString(),
            ["Llm:Model"] = "test-model",
            ["Llm:RetryBaseDelayMs"] = "20",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    /// <summary>The most requests that were being answered at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Answers the n-th request with the n-th reply, and every later one with the last.</summary>
    public static Func<ChatRequest, ChatReply> Sequence(params ChatReply[] replies)
    {
        var next = -1;
        return _ => replies[Math.Min(Interlocked.Increment(ref next), replies.Length - 1)];
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }

    public static async Task<ChatCompletionsServer> StartAsync(Func<ChatRequest, ChatReply> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ChatCompletionsServer? server = null;
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body) ?? new JsonObject();
            var request = new ChatRequest(context.Request.Path, context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body, DateTime.UtcNow);
            server!.Requests.Enqueue(request);
            var inFlight = Interlocked.Increment(ref server._inFlight);
            InterlockedMax(ref server._maxInFlight, inFlight);
            ChatReply reply;
            try
            {
                try
                {
                    reply = answer(request);
                }
                catch (Exception e)
                {
                    // A broken test callback shows up in the test's output, not as an anonymous 500.
                    reply = new ChatReply(599, JsonSerializer.Serialize(new { error = new { message = "test server callback failed: " + e } }));
                }
                if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, context.RequestAborted);
            }
            finally
            {
                Interlocked.Decrement(ref server._inFlight);
            }
            foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new ChatCompletionsServer(app, new Uri(address));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
