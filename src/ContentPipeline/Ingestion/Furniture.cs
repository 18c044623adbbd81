using System.Text.RegularExpressions;

namespace ContentPipeline.Ingestion;

/// <summary>Recognises the page furniture that scraped article text carries along with the story.</summary>
/// <remarks>
/// Patterns anchor on the start of a line and stay short, so a sentence that merely mentions "subscribers"
/// or "cookies" is not mistaken for a prompt. Lines that end like a sentence survive the headline rules.
/// </remarks>
internal static partial class Furniture
{
    /// <summary>A line announcing a list of other stories ("Continue reading:", "Related", "More on this story").</summary>
    public static bool IsRelatedListMarker(string line) => RelatedMarker().IsMatch(line);

    /// <summary>Short, without a closing full stop: how a headline of another story looks in a list.</summary>
    public static bool LooksLikeHeadline(string line) =>
        !EndsLikeSentence(line) && WordCount(line) <= 20 && line.Length > 0 && !char.IsLower(line[0]);

    public static bool IsFurnitureLine(string line) =>
        Exact().IsMatch(line)
        || Timestamp().IsMatch(line) && !EndsLikeSentence(line)
        || Byline().IsMatch(line) && !EndsLikeSentence(line)
        || ImageCredit().IsMatch(line)
        || AgencyCredit().IsMatch(line) && WordCount(line) <= 12
        || Cookies().IsMatch(line) && WordCount(line) <= 40
        || Prompt().IsMatch(line) && WordCount(line) <= 30
        || Social().IsMatch(line) && WordCount(line) <= 25
        || LabelledHeadline().IsMatch(line) && !EndsLikeSentence(line);

    /// <summary>Removes credits inside a paragraph, such as "(Photo by Jane Doe/Getty Images)".</summary>
    public static string StripInlineCredits(string line) => InlineCredit().Replace(line, "").Trim();

    private static bool EndsLikeSentence(string line)
    {
        var end = line.TrimEnd('"', '”', '’', '\'', ')', ' ');
        return end.Length > 0 && end[^1] is '.' or '!' or '…';
    }

    private static int WordCount(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"^(continue reading|read more|related|related (stories|articles|content|topics|links|coverage|reading)|more on this( story)?|more stories|you may also like|you might also like|you may also be interested in|most read|most popular|top stories|recommended|trending|latest( news| stories)?|also read|see also|further reading)\s*[:.…-]*$", RegexOptions.IgnoreCase)]
    private static partial Regex RelatedMarker();

    [GeneratedRegex(@"^(advertisement|advert|ad|sponsored( content)?|story continues below( advertisement)?|skip advert|share|share this( article| story| page)?|copy link|print|email|comments|close|image caption|media caption|getty images|reuters|afp|pa media|pa)\s*[:.]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Exact();

    [GeneratedRegex(@"^((published|updated|posted|last updated|first published|modified)\b[:\s]?.{0,60}|\d+\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|(\d{1,2}[:.]\d{2}\s*(am|pm)?\s*(gmt|bst|utc|et|est|cet)?,?\s*)?((mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{4}(,?\s*\d{1,2}[:.]\d{2}\s*(am|pm)?\s*(gmt|bst|utc|et|est|cet)?)?|\d{1,2}[:.]\d{2}\s*(am|pm)?\s*(gmt|bst|utc|et|est|cet))$", RegexOptions.IgnoreCase)]
    private static partial Regex Timestamp();

    // Names are capitalised words, so "By Monday the talks had stalled" does not qualify.
    [GeneratedRegex(@"^(?i:by)\s+(\p{Lu}[\p{L}'’.-]*\s*){1,4}((and|&)\s+(\p{Lu}[\p{L}'’.-]*\s*){1,4})?([,|–—-].{0,60})?$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"^(image|images|photo|photos|photograph|picture|pictures|pic|credit|image source|image credit|photo credit|source|illustration|caption|image caption|media caption)\s*(:|–|—|\|)", RegexOptions.IgnoreCase)]
    private static partial Regex ImageCredit();

    [GeneratedRegex(@"(/|\bvia\s+)(getty( images)?|reuters|afp|ap|pa( media| wire)?|epa|shutterstock|alamy)\s*\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex AgencyCredit();

    [GeneratedRegex(@"\b(we use cookies|this (site|website) uses cookies|accept (all )?cookies|cookie (policy|settings|preferences|notice))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cookies();

    [GeneratedRegex(@"^(subscribe|sign up|sign-up|signup|register|join|get|download|listen|click|tap|read|watch)\s.*\b(newsletters?|podcasts?|inbox|subscribe|sign up|alerts|our app|the app|here|for free|free trial)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Prompt();

    [GeneratedRegex(@"^(follow|share|like|find)\s.*\b(on|via)\s+(twitter|x|facebook|instagram|whatsapp|linkedin|tiktok|threads|bluesky|youtube|telegram)\b|^follow\s+(us|@)", RegexOptions.IgnoreCase)]
    private static partial Regex Social();

    // "Ukraine war – Latest: …", "READ MORE: …": another story's headline under a label.
    [GeneratedRegex(@"^([^.:!?]{0,40}?\s[–—|-]\s*)?(latest|read more|related|more|also read|see also|watch|listen|live|breaking|in pictures|video|explainer|opinion)\s*:\s+\S", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledHeadline();

    [GeneratedRegex(@"\s*\(\s*(photo|photos|image|images|picture|pictures|photograph|pictured)\s*(by|:|credit)[^)]*\)|\s*\((getty images|reuters|afp|ap|pa)\)", RegexOptions.IgnoreCase)]
    private static partial Regex InlineCredit();
}
