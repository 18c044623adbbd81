using ContentPipeline.Data;
using CsvHelper;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Subscribers;

/// <summary>What an import did: rows read, added, merged duplicates, and each invalid row with its line and reason.</summary>
public sealed record ImportReport(int Rows, int Added, int DuplicatesInFile, int AlreadySubscribed, IReadOnlyList<(int Line, string Reason)> Invalid);

/// <summary>
/// Imports subscribers from CSV with a header row naming an "email" and optionally a "name" column (any
/// order or case; other columns are ignored). Rows are validated like `subscribers add`, duplicates are
/// merged (the first row wins, a later row may supply a missing name), addresses already in the database
/// are left as they are, and new rows are written in large transactions with one prepared statement.
/// </summary>
public sealed class SubscriberImporter(AppDbContext db, TimeProvider clock)
{
    private const int RowsPerTransaction = 10_000;

    // Commas only, as the export writes (CsvHelper would guess among , ; tab and |); the header is read as a record so
    // its names are matched below, trimmed and in any case; lines are counted for the report.
    private static readonly CsvReaderOptions CsvOptions = new() { Separator = ',', HasHeader = false, TrackLineNumbers = true };

    /// <summary>Null with an error when the file has no usable header.</summary>
    public async Task<(ImportReport? Report, string? Error)> ImportAsync(TextReader csv, string source, CancellationToken cancellationToken)
    {
        await using var rows = CsvReader.Create(csv, CsvOptions, leaveOpen: true);
        if (!await rows.ReadAsync(cancellationToken)) return (null, "the file is empty: expected a header row with an email column");
        var header = Enumerable.Range(0, rows.FieldCount).Select(i => rows.GetString(i).Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var emailColumn = header.IndexOf("email");
        var nameColumn = header.IndexOf("name");
        if (emailColumn < 0) return (null, $"the header row has no email column (found: {string.Join(", ", header)})");

        var existing = (await db.Subscribers.Select(s => s.NormalizedEmail).ToListAsync(cancellationToken)).ToHashSet();
        var fresh = new Dictionary<string, (string Email, string? Name)>();
        var order = new List<string>();
        var invalid = new List<(int, string)>();
        int count = 0, duplicates = 0, already = 0;
        while (await rows.ReadAsync(cancellationToken))
        {
            count++;
            if (!SubscriberInput.TryValidate(Field(rows, emailColumn), Field(rows, nameColumn), out var email, out var name, out var error))
            {
                invalid.Add(((int)rows.LineNumber, error));
                continue;
            }
            var key = EmailAddresses.Normalize(email);
            if (existing.Contains(key)) { already++; continue; }
            if (fresh.TryGetValue(key, out var first))
            {
                duplicates++;
                if (first.Name is null && name is not null) fresh[key] = first with { Name = name };
                continue;
            }
            fresh[key] = (email, name);
            order.Add(key);
        }

        var added = await InsertAsync(order.Select(k => (k, fresh[k].Email, fresh[k].Name)), source, cancellationToken);
        return (new ImportReport(count, added, duplicates, already + order.Count - added, invalid), null);
    }

    /// <summary>The field in that column, or null when the record is too short to have one.</summary>
    private static string? Field(CsvReader rows, int column) => column >= 0 && column < rows.FieldCount ? rows.GetString(column) : null;

    private async Task<int> InsertAsync(IEnumerable<(string Key, string Email, string? Name)> rows, string source, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Plain ADO.NET over whichever provider is configured: one prepared statement, large transactions.
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var added = 0;
            foreach (var chunk in rows.Chunk(RowsPerTransaction))
            {
                await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                await using var insert = connection.CreateCommand();
                insert.Transaction = tx;
                // ON CONFLICT: an address added by someone else since we looked is left as it is.
                insert.CommandText = """
                    INSERT INTO "Subscribers" ("Email", "NormalizedEmail", "Name", "Status", "Source", "CreatedAt", "UpdatedAt", "HardBounces")
                    VALUES (@email, @key, @name, 'Active', @source, @now, @now, 0)
                    ON CONFLICT ("NormalizedEmail") DO NOTHING
                    """;
                var email = Parameter(insert, "@email", DbType.String, null);
                var key = Parameter(insert, "@key", DbType.String, null);
                var name = Parameter(insert, "@name", DbType.String, null);
                Parameter(insert, "@source", DbType.String, source);
                Parameter(insert, "@now", null, now); // inferred: a UTC DateTime is what each provider expects
                await insert.PrepareAsync(cancellationToken);
                foreach (var row in chunk)
                {
                    email.Value = row.Email;
                    key.Value = row.Key;
                    name.Value = (object?)row.Name ?? DBNull.Value;
                    added += await insert.ExecuteNonQueryAsync(cancellationToken);
                }
                await tx.CommitAsync(cancellationToken);
            }
            return added;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbParameter Parameter(DbCommand command, string name, DbType? type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (type is { } t) parameter.DbType = t;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
