using System.Text;

namespace ContentPipeline.Subscribers;

/// <summary>
/// RFC 4180 CSV: quoted fields with "" escapes and line breaks inside quotes. Each record comes with the
/// line it starts on, for reports. Written cells are safe to open in a spreadsheet: a cell that starts
/// with = + - @ (or a tab or CR) is prefixed with a quote so it is never run as a formula.
/// </summary>
internal static class Csv
{
    public static async IAsyncEnumerable<(int Line, List<string> Fields)> ReadAsync(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var any = false;
        var buffer = new char[64 * 1024];
        int read;
        var pendingQuote = false;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (pendingQuote)
                {
                    pendingQuote = false;
                    if (c == '"') { field.Append('"'); continue; }
                    quoted = false;
                }
                if (quoted)
                {
                    if (c == '"') pendingQuote = true;
                    else
                    {
                        if (c == '\n') line++;
                        field.Append(c);
                    }
                    continue;
                }
                switch (c)
                {
                    case '"' when field.Length == 0: quoted = true; any = true; break;
                    case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                    case '\r': break;
                    case '\n':
                        if (any || field.Length > 0)
                        {
                            fields.Add(field.ToString());
                            yield return (start, fields);
                        }
                        fields = [];
                        field.Clear();
                        any = false;
                        start = ++line;
                        break;
                    default: field.Append(c); any = true; break;
                }
            }
        }
        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }

    public static string Row(params string?[] cells) => string.Join(',', cells.Select(Cell));

    private static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
