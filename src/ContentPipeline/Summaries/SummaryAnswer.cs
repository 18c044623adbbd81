using System.Text.Json;

namespace ContentPipeline.Summaries;

/// <summary>What the model is asked to return for one article (the JSON schema "article_summary").</summary>
public sealed partial record SummaryAnswer(string Headline, string Summary, List<string> KeyPoints, List<string> Topics)
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

    /// <summary>
    /// A validator that also refuses links the source does not contain: a model steered by text in the
    /// article cannot slip its own URL into the newsletter.
    /// </summary>
    public static Func<SummaryAnswer, string?> ValidatorFor(string source) => a =>
    {
        if (Validate(a) is { } error) return error;
        var foreign = Links().Matches(string.Join(" ", [a.Headline, a.Summary, .. a.KeyPoints, .. a.Topics]))
            .Select(m => m.Value.TrimEnd('.', ',', ')', ';')).FirstOrDefault(url => !source.Contains(url, StringComparison.OrdinalIgnoreCase));
        return foreign is null ? null : $"it links to {foreign}, which is not in the article";
    };

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

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:https?://|www\.)\S+", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Links();
}

/// <summary>
/// The data sent with the summary prompt; the offline client reads the same document. No article id: the
/// same text must make the same request, so the cache answers it wherever it comes from.
/// </summary>
public sealed record SummaryRequestData(string? Title, string Text, int? Sentences, int? Words);
