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
}
