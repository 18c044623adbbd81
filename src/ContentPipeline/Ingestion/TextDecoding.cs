using System.Text;

namespace ContentPipeline.Ingestion;

/// <summary>Bytes to text: BOM, then the declared charset, then strict UTF-8, then windows-1252; binary content is refused.</summary>
public static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes, string? charset)
    {
        if (LooksBinary(bytes)) throw new IngestException("it is not a text file (binary content)");

        var bom = BomEncoding(bytes, out var skip);
        if (bom is not null) return bom.GetString(bytes, skip, bytes.Length - skip);

        if (!string.IsNullOrWhiteSpace(charset))
        {
            try
            {
                return Encoding.GetEncoding(charset.Trim('"', ' ')).GetString(bytes);
            }
            catch (ArgumentException)
            {
                // An unknown charset label: fall through to detection.
            }
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
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
}
