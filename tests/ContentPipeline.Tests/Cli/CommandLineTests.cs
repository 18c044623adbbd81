using ContentPipeline.Cli;
using ContentPipeline.Tests.TestSupport;

namespace ContentPipeline.Tests.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public void SplitSettings_TakesSectionKeySettings_AndLeavesTheCommandsOwnOptions()
    {
        var (command, settings) = CommandLine.SplitSettings(["digest", "--out", "x", "--Delivery:Mode=Smtp", "--Smtp:Port", "2525"]);

        Assert.Equal(["digest", "--out", "x"], command);
        Assert.Equal(["--Delivery:Mode=Smtp", "--Smtp:Port", "2525"], settings);
    }

    [Fact]
    public async Task AMisconfiguredProvider_StopsTheCommand_NamingTheMissingKey()
    {
        using var root = new TestRoot();
        var cli = new CliRunner(root.Root, new Dictionary<string, string?> { ["Llm:Provider"] = "AzureOpenAI", ["Llm:Endpoint"] = "https://x.test" });

        var result = await cli.RunAsync("subscribers", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Llm:Deployment is required when Llm:Provider is AzureOpenAI", result.Error);
        Assert.Contains("Llm:ApiKey is required", result.Error);
    }

    [Theory]
    [InlineData("Digest:Schedule", "every morning", "Digest:Schedule is not a valid five-field cron expression", "digest")]
    [InlineData("Digest:TimeZone", "Mars/Olympus_Mons", "Digest:TimeZone is not a known IANA time zone id", "subscribers", "list")]
    [InlineData("Ingestion:PollSchedule", "61 * * * *", "Ingestion:PollSchedule is not a valid five-field cron expression", "issues", "list")]
    public async Task ABadScheduleOrTimeZone_StopsEveryCommandAtStart_NamingTheKey(string key, string value, string message, params string[] command)
    {
        using var root = new TestRoot();
        var cli = new CliRunner(root.Root, new Dictionary<string, string?> { [key] = value });

        var result = await cli.RunAsync(command);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }
}
