using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContentPipeline.Data;

/// <summary>
/// synchronous=NORMAL on every SQLite connection: with WAL it is still crash-safe (a power cut can lose
/// only the last commits, never corrupt the file), and it spares an fsync on every commit, which the many
/// small transactions of jobs otherwise pay.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
