namespace ContentPipeline.Ingestion.Feeds;

/// <summary>A parsed feed of any format: its items with links already absolute.</summary>
public sealed record Feed(string Format, string? Title, IReadOnlyList<FeedItem> Items);

/// <summary>One entry. Html is the fullest content the feed carries (content:encoded, Atom content, content_html), or its summary.</summary>
public sealed record FeedItem(string? Id, string? Title, string? Link, string? Html, string? Text, DateTimeOffset? Published);
