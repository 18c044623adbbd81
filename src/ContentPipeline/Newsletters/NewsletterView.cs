namespace ContentPipeline.Newsletters;

/// <summary>What newsletter templates see. Only these types are exposed to Liquid.</summary>
public sealed record NewsletterView(
    string Title,
    string Subject,
    long IssueId,
    string Date,
    List<StoryView> Stories,
    string WebUrl,
    ReaderView Reader,
    ListenView? Listen = null);

/// <summary>The issue's podcast episode: where its player is and how long it runs ("4 min 52 s").</summary>
public sealed record ListenView(string Url, string Length)
{
    /// <summary>How the newsletter, the archive and the admin pages say an episode's length: "4 min 52 s".</summary>
    public static string Spoken(double seconds)
    {
        var total = (long)Math.Round(seconds);
        return total < 60 ? $"{total} s" : $"{total / 60} min {total % 60} s";
    }
}

public sealed record StoryView(string Headline, string Summary, List<string> KeyPoints, List<string> Topics, string? Url);

/// <summary>The subscriber the message is for; for the web version, an anonymous reader with no unsubscribe link.</summary>
public sealed record ReaderView(string? Name, string? Email, string? UnsubscribeUrl)
{
    public static readonly ReaderView Anonymous = new(null, null, null);
}
