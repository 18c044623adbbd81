namespace ContentPipeline.Ingestion;

/// <summary>An article as stored: new, already there (the same link or text), or a near-duplicate linked to the first copy.</summary>
public sealed record StoredArticle(long Id, string? Title, string? Url, bool IsNew, long? DuplicateOf = null);

/// <summary>What became of one input: the articles it gave (and the feed items it left out, with why), or why it gave none.</summary>
public sealed record IngestOutcome(string Input, IReadOnlyList<StoredArticle> Articles, string? Error, IReadOnlyList<string> Skipped)
{
    public bool Succeeded => Error is null;

    public static IngestOutcome Failed(string input, string error) => new(input, [], error, []);
}

/// <summary>An input that cannot be used; the message names what is wrong with it.</summary>
public sealed class IngestException(string message) : Exception(message);
