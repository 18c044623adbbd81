namespace ContentPipeline.Summaries.Extractive;

/// <summary>An extractive summary: every sentence is a sentence of the cleaned source, in article order.</summary>
public sealed record ExtractiveSummary(
    string Headline,
    IReadOnlyList<string> Sentences,
    IReadOnlyList<string> KeyPoints,
    IReadOnlyList<string> Topics);
