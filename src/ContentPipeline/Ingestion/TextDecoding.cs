using System.Text;
using System.Text.RegularExpressions;

namespace ContentPipeline.Ingestion;

/// <summary>
/// Bytes to text: a BOM, then the HTTP charset, then the document's own declaration (XML encoding or HTML
/// meta charset), then strict UTF-8, then windows-1252. A declared UTF-8 that is not valid UTF-8 is a lie
/// and falls through. Binary content is refused.
/// </summary>
public static partial class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes, string? charset)
    {
        if (LooksBinary(bytes)) throw new IngestException("it is not a text file (binary content)");

        var bom = BomEncoding(bytes, out var skip);
        if (bom is not null) return bom.GetString(bytes, skip, bytes.Length - skip);

        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
        var declared = Declared().Match(head) is { Success: true } m ? m.Groups["name"].Value : null;
        foreach (var label in new[] { charset, declared })
        {
            if (Named(label) is not { } encoding) continue;
            if (encoding is not UTF8Encoding) return encoding.GetString(bytes);
            if (TryUtf8(bytes, out var text)) return text;
        }
        return TryUtf8(bytes, out var utf8) ? utf8 : Encoding.GetEncoding(1252).GetString(bytes);
    }

    private static bool TryUtf8(byte[] bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private static Encoding? Named(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        try
        {
            var name = label.Trim('"', '\'', ' ');
            // Browsers read "iso-8859-1" and "latin1" as windows-1252; so do we (it is what such pages really hold).
            return name.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase) || name.Equals("latin1", StringComparison.OrdinalIgnoreCase)
                ? Encoding.GetEncoding(1252) : Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool LooksBinary(byte[] bytes)
    {
        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, 8192));
        if (BomEncoding(bytes, out _) is { } e && e is not UTF8Encoding) return false;
        if (sample.Contains((byte)0)) return true;
        var control = 0;
        foreach (var b in sample)
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C)) control++;
        return control > sample.Length / 20;
    }

    private static Encoding? BomEncoding(byte[] b, out int length)
    {
        (Encoding? encoding, length) = b switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => ((Encoding?)null, 0),
        };
        return encoding;
    }

    [GeneratedRegex(@"(?:<\?xml[^>]*encoding=|<meta[^>]*charset=)[""']?(?<name>[A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Declared();
}
