namespace ContentPipeline.Data;

/// <summary>A model's (or the offline client's) summary of one article, with what it cost.</summary>
public sealed class Summary
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public required string Headline { get; set; }
    public required string Text { get; set; }
    public List<string> KeyPoints { get; set; } = [];
    public List<string> Topics { get; set; } = [];
    public required string Provider { get; set; }
    public required string Model { get; set; }
    public required string PromptVersion { get; set; }
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
    public DateTime CreatedAt { get; set; }
}
