using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ContentPipeline.Data;

/// <summary>
/// The application model on PostgreSQL (Storage:Provider=Postgres). A type of its own so that EF keeps its
/// migrations apart from SQLite's: they live in Data/Migrations/Postgres.
/// </summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // The code keeps UTC in DateTime (as SQLite stores it, without a kind); timestamptz wants the kind said.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTime>();
        configuration.Properties<DateTime?>().HaveConversion<UtcDateTime>();
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffset>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffset>();
    }

    private sealed class UtcDateTime() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class UtcDateTimeOffset() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
