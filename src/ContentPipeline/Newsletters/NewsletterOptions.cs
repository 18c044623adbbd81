using System.ComponentModel.DataAnnotations;

namespace ContentPipeline.Newsletters;

/// <summary>Newsletter: its name, its sender and where its web pages live.</summary>
public sealed class NewsletterOptions
{
    public const string Section = "Newsletter";

    [Required, MaxLength(120)]
    public string Title { get; set; } = "The Daily Pipeline";

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "newsletter@example.com";

    [MaxLength(120)]
    public string? FromName { get; set; }

    /// <summary>The public address of this host: unsubscribe and web-view links start with it.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Optional: a mailbox for RFC 2369 mailto unsubscribes, added to List-Unsubscribe beside the one-click link.</summary>
    [RegularExpression(@"^[^@\s<>]+@[^@\s<>?]+$", ErrorMessage = "Newsletter:UnsubscribeMailbox must be an email address (or empty).")]
    public string? UnsubscribeMailbox { get; set; }

    public string Link(string path) => PublicBaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
