namespace ContentPipeline.Newsletters;

/// <summary>What newsletter templates see. Only these types are exposed to Liquid.</summary>
public sealed record NewsletterModel(
    string Title,
    string Subject,
    long IssueId,
    string Date,
    List<StoryModel> Stories,
    string WebUrl,
    ReaderModel Reader);

public sealed record StoryModel(string Headline, string Summary, List<string> KeyPoints, List<string> Topics, string? Url);

/// <summary>The subscriber the message is for; for the web version, an anonymous reader with no unsubscribe link.</summary>
public sealed record ReaderModel(string? Name, string? Email, string? UnsubscribeUrl)
{
    public static readonly ReaderModel Anonymous = new(null, null, null);
}
