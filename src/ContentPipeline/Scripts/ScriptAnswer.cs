using System.Text.Json;

namespace ContentPipeline.Scripts;

public static class SegmentKind
{
    public const string ColdOpen = "cold_open", Intro = "intro", Story = "story", Transition = "transition", Outro = "outro";
    public static readonly string[] All = [ColdOpen, Intro, Story, Transition, Outro];
}

public sealed record ScriptSegment(string Kind, string Speaker, string Text, List<long> ArticleIds);

/// <summary>What the model returns for an issue's podcast script (the JSON schema "podcast_script").</summary>
public sealed record ScriptAnswer(string Title, List<ScriptSegment> Segments)
{
    public const string SchemaName = "podcast_script";

    public static readonly JsonElement Schema = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "title": { "type": "string" },
            "segments": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "kind": { "type": "string", "enum": ["cold_open", "intro", "story", "transition", "outro"] },
                  "speaker": { "type": "string" },
                  "text": { "type": "string" },
                  "articleIds": { "type": "array", "items": { "type": "integer" } }
                },
                "required": ["kind", "speaker", "text", "articleIds"],
                "additionalProperties": false
              }
            }
          },
          "required": ["title", "segments"],
          "additionalProperties": false
        }
        """).RootElement.Clone();

    /// <summary>A validator that knows the request: speakers must be hosts, article ids must be the issue's, every story covered.</summary>
    public static Func<ScriptAnswer, string?> ValidatorFor(IReadOnlyCollection<string> hosts, IReadOnlyCollection<long> articleIds) => a =>
    {
        if (a.Segments is not { Count: > 0 }) return "segments is empty";
        foreach (var s in a.Segments)
        {
            if (!SegmentKind.All.Contains(s.Kind)) return $"unknown segment kind '{s.Kind}'";
            if (string.IsNullOrWhiteSpace(s.Text)) return "a segment has no text";
            if (!hosts.Contains(s.Speaker)) return $"speaker '{s.Speaker}' is not one of the hosts ({string.Join(", ", hosts)})";
            if (s.ArticleIds is null) return "articleIds must be an array";
            if (s.ArticleIds.FirstOrDefault(id => !articleIds.Contains(id)) is var bad and not 0) return $"article id {bad} is not in this issue";
            if (s.Kind == SegmentKind.Story && s.ArticleIds.Count == 0) return "a story segment names no source article";
        }
        var missing = articleIds.Where(id => !a.Segments.Any(s => s.ArticleIds.Contains(id))).ToList();
        return missing.Count > 0 ? $"no segment covers article(s) {string.Join(", ", missing)}" : null;
    };
}

/// <summary>The data sent with the script prompt; the offline client reads the same document.</summary>
public sealed record ScriptRequestData(string Title, string Date, List<string> Hosts, double TargetMinutes, int WordsPerMinute,
    List<ScriptStory> Stories);

public sealed record ScriptStory(long Id, string Headline, string Summary, string? Url, string Text);
