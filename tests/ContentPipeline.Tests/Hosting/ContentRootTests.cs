using System.Diagnostics;
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
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var output = Path.Combine(TestRoot.RepositoryRoot, "src", "ContentPipeline", "bin", configuration, "net10.0");
        var data = Directory.CreateTempSubdirectory("cp-root-test-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = where == "build output" ? output : TestRoot.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(output, "ContentPipeline.dll"));
        foreach (var arg in new[] { "subscribers", "list" }) start.ArgumentList.Add(arg);
        // Keep the database and keys out of the repository; everything else comes from the root it finds.
        start.Environment["ConnectionStrings__ContentPipeline"] = $"Data Source={data}/test.db";
        start.Environment["Storage__KeysDirectory"] = Path.Combine(data, "keys");
        start.Environment.Remove(ContentRoot.EnvironmentVariable);

        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, stdout + stderr);
        Assert.Contains("no subscribers yet", stdout);
    }
}
