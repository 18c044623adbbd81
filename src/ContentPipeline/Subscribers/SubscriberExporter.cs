using System.Text.RegularExpressions;
using ContentPipeline.Data;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Subscribers;

/// <summary>Writes every subscriber as CSV (email,name,status,source,created), safe to open in a spreadsheet.</summary>
public sealed partial class SubscriberExporter(AppDbContext db)
{
    // Escape: a text cell that starts with = + - @, a tab or a CR gets a ' in front, so a spreadsheet shows it as text.
    // Records end with the platform's line break, as the rest of the command's output does.
    private static readonly CsvWriterOptions CsvOptions = new() { Injection = CsvInjection.Escape, NewLine = Environment.NewLine };

    public async Task<int> ExportAsync(TextWriter output, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, CsvOptions, leaveOpen: true);
        await csv.WriteRecordAsync(["email", "name", "status", "source", "created"], cancellationToken);
        var count = 0;
        await foreach (var s in db.Subscribers.AsNoTracking().OrderBy(s => s.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.WriteField(Text(s.Email));
            csv.WriteField(Text(s.Name));
            csv.WriteField(s.Status.ToString().ToLowerInvariant());
            csv.WriteField(Text(s.Origin));
            csv.WriteField(s.CreatedAt, "yyyy-MM-ddTHH:mm:ssZ");
            await csv.EndRecordAsync(cancellationToken);
            count++;
        }
        await csv.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>
    /// CsvHelper's escape looks at a cell's first character only, but a spreadsheet that splits on ';' (its separator in
    /// many locales) starts a cell after each one, so the same characters get the same ' there: "Bob;=1+1" is written "Bob;'=1+1".
    /// </summary>
    private static string? Text(string? value) => value is null || !value.Contains(';') ? value : AfterSemicolon().Replace(value, ";'");

    [GeneratedRegex(@";(?=[=+\-@\t\r])")]
    private static partial Regex AfterSemicolon();
}
