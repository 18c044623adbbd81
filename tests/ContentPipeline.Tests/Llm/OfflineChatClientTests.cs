using ContentPipeline.Ingestion;
using System.Text.Json;
using ContentPipeline.Llm;
using ContentPipeline.Summaries;
using ContentPipeline.Summaries.Extractive;
using ContentPipeline.Tests.EndToEnd;
using Microsoft.Extensions.AI;

namespace ContentPipeline.Tests.Llm;

public sealed class OfflineChatClientTests
{
    private readonly OfflineChatClient _client = new([new OfflineSummaryResponder()]);

    [Theory]
    [InlineData(Fixtures.FurnishedArticle)]
    [InlineData(Fixtures.SecondArticle)]
    public async Task Summary_IsMadeOfTheGivenArticlesOwnSentences(string article)
    {
        var answer = await SummarizeAsync(article, null);

        var source = SentenceSplitter.Split(ArticleCleaner.Clean(ContentPipeline.Ingestion.PlainText.FromText(article).Text));
        var summarySentences = SentenceSplitter.Split(answer.Summary);
        Assert.NotEmpty(summarySentences);
        Assert.All(summarySentences, s => Assert.Contains(s, source));
    }

    [Fact]
    public async Task Summary_DiffersBetweenArticles_AndIsTheSameForTheSameArticle()
    {
        var first = await SummarizeAsync(Fixtures.FurnishedArticle, null);
        var again = await SummarizeAsync(Fixtures.FurnishedArticle, null);
        var other = await SummarizeAsync(Fixtures.SecondArticle, null);

        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(again));
        Assert.NotEqual(first.Summary, other.Summary);
        Assert.NotEqual(first.Headline, other.Headline);
    }

    [Fact]
    public async Task Summary_UsesTheArticleTitle_AsHeadline_WhenThereIsOne()
    {
        var answer = await SummarizeAsync(Fixtures.FurnishedArticle, "Wexley Bridge to close");

        Assert.Equal("Wexley Bridge to close", answer.Headline);
    }

    [Fact]
    public async Task Client_RefusesRequestsWithoutAKnownSchema()
    {
        await Assert.ThrowsAsync<NotSupportedException>(() => _client.GetResponseAsync([new ChatMessage(ChatRole.User, "{}")]));
    }

    private async Task<SummaryAnswer> SummarizeAsync(string text, string? title)
    {
        // As ingestion stores it: a title line, if any, is taken off the text.
        var body = ContentPipeline.Ingestion.PlainText.FromText(text).Text;
        var data = JsonSerializer.Serialize(new SummaryRequestData(title, body, 2, null), JsonSerializerOptions.Web);
        var response = await _client.GetResponseAsync([new ChatMessage(ChatRole.System, "Summarize."), new ChatMessage(ChatRole.User, data)],
            new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(SummaryAnswer.Schema, SummaryAnswer.SchemaName) });
        return JsonSerializer.Deserialize<SummaryAnswer>(response.Text, JsonSerializerOptions.Web)!;
    }
}
