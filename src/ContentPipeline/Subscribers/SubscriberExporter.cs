using ContentPipeline.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Subscribers;

/// <summary>Writes every subscriber as CSV (email,name,status,source,created), safe to open in a spreadsheet.</summary>
public sealed class SubscriberExporter(AppDbContext db)
{
    public async Task<int> ExportAsync(TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(Csv.Row("email", "name", "status", "source", "created"));
        var count = 0;
        await foreach (var s in db.Subscribers.AsNoTracking().OrderBy(s => s.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await output.WriteLineAsync(Csv.Row(s.Email, s.Name, s.Status.ToString().ToLowerInvariant(), s.Origin,
                s.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)));
            count++;
        }
        return count;
    }
}
