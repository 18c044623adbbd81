using System.Text;
using System.Text.Json;
using ContentPipeline.Llm;
using ContentPipeline.Tests.TestSupport;

namespace ContentPipeline.Tests.Llm;

[Collection(HostCollection.Name)]
public sealed class LongArticleAndConcurrencyTests : IDisposable
{
    private readonly TestRoot _root = new();

    [Fact]
    public async Task AnArticleOf200000Words_IsSummarizedInChunksWithinTheTokenBudget_ThenReduced()
    {
        await using var server = await ChatCompletionsServer.StartAsync(EchoModel.Answer);
        var file = _root.Write("in/long.txt", LongArticle(200_000));

        var result = await new CliRunner(_root.Root, server.OpenAISettings(("Llm:InputTokenBudget", "6000"))).RunAsync("summarize", "--json", file);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var requests = server.Requests.ToList();
        var tokens = new TokenCounter();
        var sizes = requests.Select(r => tokens.Count(r.UserData["text"]!.GetValue<string>())).ToList();
        Assert.True(requests.Count > 30, $"only {requests.Count} calls for 200,000 words");
        Assert.All(sizes, size => Assert.InRange(size, 1, 6000));
        Assert.All(requests, r => Assert.NotNull(r.Body["max_completion_tokens"] ?? r.Body["max_tokens"]));
        // The last call reduces the chunks' summaries: its text is made of their first sentences.
        Assert.StartsWith("Section 1 of the harbour inquiry", requests[^1].UserData["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADigestOfManyArticles_NeverHasMoreModelCallsInFlightThanMaxConcurrency()
    {
        await using var server = await ChatCompletionsServer.StartAsync(r => EchoModel.Answer(r) with { Delay = TimeSpan.FromMilliseconds(300) });
        var cli = new CliRunner(_root.Root, server.OpenAISettings(("Llm:MaxConcurrency", "3"), ("Jobs:WorkerCount", "10")));
        var files = Enumerable.Range(1, 9).Select(i => _root.Write($"in/story-{i}.txt", ShortArticle(i))).ToArray();
        Assert.Equal(0, (await cli.RunAsync(["ingest", .. files])).ExitCode);

        var digest = await cli.RunAsync("digest", "--timeout", "60");

        Assert.True(digest.ExitCode == 0, digest.Output + digest.Error);
        Assert.Equal(10, server.Requests.Count);
        Assert.InRange(server.MaxInFlight, 2, 3);
        Assert.Contains("model: 10 model call(s)", digest.Output);
    }

    private static string LongArticle(int words)
    {
        var text = new StringBuilder("The harbour inquiry report\n\n");
        for (var section = 1; text.Length < words * 6; section++)
        {
            text.Append($"Section {section} of the harbour inquiry heard evidence from witness number {section * 7 % 101}. ");
            text.Append($"The witness described how the quay wall had moved by {section % 13} centimetres in the winter storms. ");
            text.Append("Engineers told the panel that repairs would have to wait until the fishing season ended.\n");
        }
        return text.ToString();
    }

    private static string ShortArticle(int i) =>
        $"Village {i} opens new bakery\n\nThe village of Stoke {i} opened its first bakery in {1990 + i} years on Monday. " +
        $"The owners said they would bake {i * 40} loaves a day and employ {i + 2} people from the area. " +
        $"Residents queued from six in the morning, and the first batch of {i * 12} rolls sold out within an hour.";

    public void Dispose() => _root.Dispose();
}
