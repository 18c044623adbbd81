using ContentPipeline.Llm;
using ContentPipeline.Summaries;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Tests.Llm;

public sealed class StructuredChatTests
{
    private const string Valid = """{"headline":"Market wins award","summary":"It cut waste.","keyPoints":[],"topics":["waste"]}""";

    [Fact]
    public async Task AskAsync_RepairsOnce_WhenTheFirstAnswerIsNotJson()
    {
        var model = new ScriptedChatClient(Reply("Sure! Here is your summary: ..."), Reply(Valid));

        var answer = await Ask(model);

        Assert.Equal("Market wins award", answer.Value.Headline);
        Assert.Equal(2, model.Calls.Count);
        Assert.Contains("not valid", model.Calls[1].Last().Text);
    }

    [Fact]
    public async Task AskAsync_Fails_WhenTheRepairedAnswerBreaksTheSchemaToo()
    {
        var empty = """{"headline":"","summary":"x","keyPoints":[],"topics":[]}""";
        var model = new ScriptedChatClient(Reply(empty), Reply(empty));

        var error = await Assert.ThrowsAsync<ModelAnswerException>(() => Ask(model));

        Assert.Contains("headline is empty", error.Message);
    }

    [Fact]
    public async Task AskAsync_DoesNotRetry_AContentFilterResult()
    {
        var model = new ScriptedChatClient(Reply("", ChatFinishReason.ContentFilter), Reply(Valid));

        var error = await Assert.ThrowsAsync<ModelAnswerException>(() => Ask(model));

        Assert.Contains("content filter", error.Message);
        Assert.Single(model.Calls);
    }

    private static Task<ModelAnswer<SummaryAnswer>> Ask(IChatClient model) =>
        new StructuredChat(model, Options.Create(new LlmOptions()), NullLogger<StructuredChat>.Instance)
            .AskAsync(new StructuredRequest<SummaryAnswer>("Summarize.", "{}", SummaryAnswer.SchemaName, SummaryAnswer.Schema, SummaryAnswer.Validate),
                CancellationToken.None);

    private static ChatResponse Reply(string text, ChatFinishReason? finish = null) =>
        new(new ChatMessage(ChatRole.Assistant, text)) { FinishReason = finish ?? ChatFinishReason.Stop };
}

/// <summary>A model that gives the scripted answers in order and records what it was asked.</summary>
internal sealed class ScriptedChatClient(params ChatResponse[] replies) : IChatClient
{
    private int _next;
    public List<List<ChatMessage>> Calls { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls.Add(messages.ToList());
        return Task.FromResult(replies[_next++]);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }
}
