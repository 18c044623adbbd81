using ContentPipeline.Tests.TestSupport;

namespace ContentPipeline.Tests.Data;

public sealed class StorageProviderTests : IDisposable
{
    private readonly TestRoot _root = new();

    [Fact]
    public async Task Postgres_WithTheSqliteConnectionString_IsAConfigurationErrorNamingTheKey()
    {
        var cli = new CliRunner(_root.Root, new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres" });

        var result = await cli.RunAsync("subscribers", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ConnectionStrings:ContentPipeline must name a PostgreSQL database", result.Error);
    }

    [Fact]
    public async Task UnknownProvider_IsAConfigurationError()
    {
        var cli = new CliRunner(_root.Root, new Dictionary<string, string?> { ["Storage:Provider"] = "Oracle" });

        var result = await cli.RunAsync("subscribers", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Storage:Provider 'Oracle' is not known", result.Error);
    }

    public void Dispose() => _root.Dispose();
}
