using System.ComponentModel.DataAnnotations;

namespace ContentPipeline.Podcast;

/// <summary>Podcast: what the feed at /podcast.xml says about the show (Apple's required tags and PSP-1's).</summary>
public sealed class PodcastOptions
{
    public const string Section = "Podcast";

    /// <summary>The show's name; empty means Newsletter:Title.</summary>
    [MaxLength(255)]
    public string? Title { get; set; }

    [Required, MaxLength(4000)]
    public string Description { get; set; } = "The day's stories, read aloud.";

    [Required, MaxLength(255)]
    public string Author { get; set; } = "ContentPipeline";

    /// <summary>itunes:owner's address: directories write to it to verify the show is yours.</summary>
    [Required, EmailAddress]
    public string OwnerEmail { get; set; } = "podcast@example.com";

    /// <summary>One of Apple's categories, optionally with a subcategory after a slash: "News/Daily News".</summary>
    [Required, RegularExpression(@"^[^/]+(/[^/]+)?$", ErrorMessage = "Podcast:Category must be a category, or a category/subcategory such as News/Daily News.")]
    public string Category { get; set; } = "News/Daily News";

    public bool Explicit { get; set; }

    /// <summary>A square JPEG or PNG of 1400 to 3000 pixels; relative paths start at the product folder.</summary>
    [Required, RegularExpression(@"(?i)^.+\.(png|jpe?g)$", ErrorMessage = "Podcast:Cover must be a .png or .jpg file.")]
    public string Cover { get; set; } = "templates/podcast-cover.png";

    /// <summary>The channel's language, an ISO 639 code with an optional region (en, en-gb).</summary>
    [Required, RegularExpression(@"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$", ErrorMessage = "Podcast:Language must be a language code such as en or en-gb.")]
    public string Language { get; set; } = "en-gb";

    /// <summary>podcast:locked: when true, podcast hosts are told not to import the feed without the owner's consent.</summary>
    public bool Locked { get; set; } = true;
}
