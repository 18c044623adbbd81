namespace ContentPipeline.Ingestion;

public sealed record StoredArticle(long Id, string? Title, string? Url, bool IsNew);

/// <summary>What became of one input: the articles it gave (and the feed items it left out, with why), or why it gave none.</summary>
public sealed record IngestOutcome(string Input, IReadOnlyList<StoredArticle> Articles, string? Error, IReadOnlyList<string> Skipped)
{
    public bool Succeeded => Error is null;

    public static IngestOutcome Failed(string input, string error) => new(input, [], error, []);
}

/// <summary>An input that cannot be used; the message names what is wrong with it.</summary>
public sealed class IngestException(string message) : Exception(message);
