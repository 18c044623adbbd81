using System.Text.Json;

namespace ContentPipeline.Summaries;

/// <summary>What the model is asked to return for one article (the JSON schema "article_summary").</summary>
public sealed record SummaryAnswer(string Headline, string Summary, List<string> KeyPoints, List<string> Topics)
{
    public const string SchemaName = "article_summary";

    public static readonly JsonElement Schema = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "headline": { "type": "string", "description": "A short headline, at most 90 characters." },
            "summary": { "type": "string", "description": "The summary, in plain text." },
            "keyPoints": { "type": "array", "items": { "type": "string" } },
            "topics": { "type": "array", "items": { "type": "string" } }
          },
          "required": ["headline", "summary", "keyPoints", "topics"],
          "additionalProperties": false
        }
        """).RootElement.Clone();

    /// <summary>Null when the answer can go into a newsletter; otherwise what is wrong with it.</summary>
    public static string? Validate(SummaryAnswer a)
    {
        if (string.IsNullOrWhiteSpace(a.Headline)) return "headline is empty";
        if (a.Headline.Length > 200) return "headline is longer than 200 characters";
        if (string.IsNullOrWhiteSpace(a.Summary)) return "summary is empty";
        if (a.KeyPoints is null || a.Topics is null) return "keyPoints and topics must be arrays";
        if (a.KeyPoints.Count > 10 || a.Topics.Count > 12) return "too many key points or topics";
        return null;
    }
}

/// <summary>The data sent with the summary prompt; the offline client reads the same document.</summary>
public sealed record SummaryRequestData(long Id, string? Title, string Text, int? Sentences, int? Words);
