using ContentPipeline.Hosting;
using ContentPipeline.Tests.TestSupport;

namespace ContentPipeline.Tests.Hosting;

public sealed class ContentRootTests
{
    [Fact]
    public void Search_FindsTheFolderHoldingAppSettingsAndTemplates_FromBelowIt()
    {
        using var root = new TestRoot();
        var deep = Directory.CreateDirectory(Path.Combine(root.Path, "src", "bin", "Debug", "net10.0")).FullName;

        Assert.Equal(root.Path, ContentRoot.Search(deep)?.Path);
    }

    [Fact]
    public void Search_ReturnsNull_WhenNoFolderAboveHasTemplates()
    {
        var lonely = Directory.CreateTempSubdirectory("no-root-").FullName;
        File.WriteAllText(Path.Combine(lonely, "appsettings.json"), "{}");

        Assert.Null(ContentRoot.Search(lonely));
    }

    [Theory]
    [InlineData("repository root")]
    [InlineData("build output")]
    public async Task BuiltHost_FindsRootSettingsAndTemplates_WhenStartedFrom(string where)
    {
        var output = Path.GetDirectoryName(NodeProcess.Dll)!;
        var data = Directory.CreateTempSubdirectory("cp-root-test-").FullName;
        var environment = new Dictionary<string, string?>
        {
            // Keep the database and keys out of the repository; everything else comes from the root it finds.
            ["ConnectionStrings__ContentPipeline"] = $"Data Source={data}/test.db",
            ["Storage__KeysDirectory"] = Path.Combine(data, "keys"),
            [ContentRoot.EnvironmentVariable] = null,
        };

        await using var host = NodeProcess.Start("host", where == "build output" ? output : TestRoot.RepositoryRoot, environment, "subscribers", "list");
        var code = await host.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(code == 0, host.Output);
        Assert.Contains("no subscribers yet", host.Output);
    }
}
