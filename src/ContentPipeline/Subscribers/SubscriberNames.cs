namespace ContentPipeline.Subscribers;

/// <summary>Validates a subscriber's display name at the edge (web form, CLI, admin page, API, CSV import), so no copy fails at send time.</summary>
public static class SubscriberNames
{
    public const int MaxLength = 200;

    /// <summary>
    /// The name with each run of white space made one space, as the mail's To and greeting show it (null when empty), or
    /// false with the reason it cannot be used.
    /// </summary>
    public static bool TryValidate(string? input, out string? name, out string error)
    {
        name = null;
        error = "";
        if (string.IsNullOrWhiteSpace(input)) return true;
        if (input.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029')) error = "the name contains control characters (CR, LF or others)";
        else if (!IsWellFormed(input)) error = "the name is not valid Unicode text (a lone surrogate)";
        // MimeKit writes a literal "=?" as it is, and readers then decode what follows it as an RFC 2047 word.
        else if (input.Contains("=?", StringComparison.Ordinal)) error = "the name contains \"=?\", which mail programs read as an encoded word";
        else if (string.Join(' ', input.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) is var collapsed && collapsed.Length > MaxLength)
            error = $"the name is longer than {MaxLength} characters";
        else name = collapsed;
        return error.Length == 0;
    }

    /// <summary>False for UTF-16 with a lone surrogate, which no encoder can write back as it was.</summary>
    internal static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (!char.IsSurrogatePair(text, i)) return false;
            i++;
        }
        return true;
    }
}
