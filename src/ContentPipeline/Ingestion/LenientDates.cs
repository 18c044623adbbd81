using System.Globalization;
using System.Text.RegularExpressions;

namespace ContentPipeline.Ingestion;

/// <summary>Dates as feeds really write them: RFC 822 with or without day names, seconds or numeric zones; ISO 8601.</summary>
public static partial class LenientDates
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = "+0000", ["UTC"] = "+0000", ["GMT"] = "+0000", ["Z"] = "+0000",
        ["EST"] = "-0500", ["EDT"] = "-0400", ["CST"] = "-0600", ["CDT"] = "-0500",
        ["MST"] = "-0700", ["MDT"] = "-0600", ["PST"] = "-0800", ["PDT"] = "-0700",
        ["BST"] = "+0100", ["CET"] = "+0100", ["CEST"] = "+0200",
    };

    private static readonly string[] Formats =
    [
        "d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yy HH:mm:ss zzz", "d MMM yy HH:mm zzz",
        "d MMMM yyyy HH:mm:ss zzz", "d MMM yyyy", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd",
    ];

    /// <summary>Null when the text is no date we recognise; the caller falls back to the fetch time.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = DayName().Replace(text.Trim(), "");
        s = ZoneName().Replace(s, m => Zones.TryGetValue(m.Value, out var offset) ? offset : m.Value);
        s = NumericZone().Replace(s, "$1:$2");
        s = Spaces().Replace(s, " ");
        return DateTimeOffset.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var exact)
            ? exact.ToUniversalTime()
            : DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var loose) ? loose.ToUniversalTime() : null;
    }

    [GeneratedRegex(@"^[A-Za-z]{3,9},?\s+")]
    private static partial Regex DayName();

    [GeneratedRegex(@"(?<=\d\s?)\b(UTC?|GMT|Z|[ECMP][SD]T|BST|CEST|CET)\b$", RegexOptions.IgnoreCase)]
    private static partial Regex ZoneName();

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex NumericZone();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
