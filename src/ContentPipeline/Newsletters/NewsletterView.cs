namespace ContentPipeline.Newsletters;

/// <summary>What newsletter templates see. Only these types are exposed to Liquid.</summary>
public sealed record NewsletterView(
    string Title,
    string Subject,
    long IssueId,
    string Date,
    List<StoryView> Stories,
    string WebUrl,
    ReaderView Reader);

public sealed record StoryView(string Headline, string Summary, List<string> KeyPoints, List<string> Topics, string? Url);

/// <summary>The subscriber the message is for; for the web version, an anonymous reader with no unsubscribe link.</summary>
public sealed record ReaderView(string? Name, string? Email, string? UnsubscribeUrl)
{
    public static readonly ReaderView Anonymous = new(null, null, null);
}
