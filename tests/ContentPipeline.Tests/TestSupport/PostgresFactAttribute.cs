namespace ContentPipeline.Tests.TestSupport;

/// <summary>A fact that needs PostgreSQL: skipped, with the reason, where none can be had.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.Unavailable is { } reason) Skip = reason;
    }
}
