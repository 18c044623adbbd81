using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ContentPipeline.Cli;
using ContentPipeline.Hosting;

namespace ContentPipeline.Tests.TestSupport;

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs the real command line in-process against a test's own folder and settings.</summary>
public sealed class CliRunner(ContentRoot root, IDictionary<string, string?>? settings = null)
{
    public IDictionary<string, string?> Settings { get; } = WithDefaults(settings);

    private static Dictionary<string, string?> WithDefaults(IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            // Scheduled jobs (deferred sends) come back quickly in tests.
            ["Jobs:SchedulePollingSeconds"] = "0.2",
        };
        // An episode costs seconds of CPU per digest: only the tests about episodes (Episodes/) turn speech on.
        all.TryAdd("Speech:Enabled", "false");
        return all;
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var commandLine = new CommandLine(Program.AddFeatures, Program.MapEndpoints)
        {
            Root = root,
            Configure = b => b.Configuration.AddInMemoryCollection(Settings),
        };
        var code = await commandLine.RunAsync(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
