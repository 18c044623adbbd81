using ContentPipeline.Ingestion;
using System.Text.Json;
using ContentPipeline.Llm;
using ContentPipeline.Summaries.Extractive;

namespace ContentPipeline.Summaries;

/// <summary>The offline client's summary: the article's own sentences, picked by the extractive summarizer.</summary>
internal sealed class OfflineSummaryResponder : IOfflineResponder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string SchemaName => SummaryAnswer.SchemaName;

    public string Respond(JsonElement request)
    {
        var data = request.Deserialize<SummaryRequestData>(Json)
            ?? throw new ArgumentException("The summary request carries no article.");
        var length = data.Sentences is { } s ? SummaryLength.FromSentences(s)
            : data.Words is { } w ? SummaryLength.FromWords(w) : new SummaryLength();
        var summary = ExtractiveSummarizer.Summarize(ArticleCleaner.Clean(data.Text), data.Title, length);
        var answer = new SummaryAnswer(summary.Headline, string.Join(" ", summary.Sentences),
            summary.KeyPoints.ToList(), summary.Topics.ToList());
        return JsonSerializer.Serialize(answer, Json);
    }
}
