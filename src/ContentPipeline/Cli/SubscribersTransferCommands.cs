using System.CommandLine;
using System.Text;
using ContentPipeline.Subscribers;

namespace ContentPipeline.Cli;

/// <summary>subscribers import &lt;csv&gt;; subscribers export [--out FILE].</summary>
internal static class SubscribersTransferCommands
{
    private const int MaxInvalidShown = 100;

    public static Command Import(CommandLine cli, string[] configArgs)
    {
        var file = new Argument<string>("csv") { Description = "A CSV file with a header row naming an email column and optionally a name column" };
        var command = new Command("import", "Add active subscribers from a CSV file; prints a report of invalid and duplicate rows") { file };
        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var path = Path.GetFullPath(result.GetValue(file)!);
            if (!File.Exists(path))
            {
                await error.WriteLineAsync($"error: {result.GetValue(file)}: no such file");
                return 2;
            }
            using var host = cli.BuildCli(configArgs, jobServer: false, result.GetValue(CommandLine.Verbose));
            await host.StartAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var (report, problem) = await scope.ServiceProvider.GetRequiredService<SubscriberImporter>().ImportAsync(reader, "import", ct);
            if (report is null)
            {
                await error.WriteLineAsync($"error: {result.GetValue(file)}: {problem}");
                return 2;
            }
            await output.WriteLineAsync($"read {report.Rows} row(s): {report.Added} added, {report.DuplicatesInFile} duplicate(s) in the file merged, " +
                $"{report.AlreadySubscribed} already subscribed, {report.Invalid.Count} invalid");
            foreach (var (line, reason) in report.Invalid.Take(MaxInvalidShown)) await output.WriteLineAsync($"line {line}: {reason}");
            if (report.Invalid.Count > MaxInvalidShown) await output.WriteLineAsync($"... and {report.Invalid.Count - MaxInvalidShown} more invalid row(s)");
            return report.Invalid.Count == 0 ? 0 : 1;
        });
        return command;
    }

    public static Command Export(CommandLine cli, string[] configArgs)
    {
        var outFile = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
        var command = new Command("export", "Write every subscriber as CSV: email,name,status,source,created") { outFile };
        command.SetAction(async (result, ct) =>
        {
            using var host = cli.BuildCli(configArgs, jobServer: false, result.GetValue(CommandLine.Verbose));
            await host.StartAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            var exporter = scope.ServiceProvider.GetRequiredService<SubscriberExporter>();
            if (result.GetValue(outFile) is not { } target)
            {
                await exporter.ExportAsync(result.InvocationConfiguration.Output, ct);
                return 0;
            }
            var path = Path.GetFullPath(target);
            await using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
            {
                var count = await exporter.ExportAsync(writer, ct);
                await result.InvocationConfiguration.Error.WriteLineAsync($"ok exported {count} subscriber(s) to {path}");
            }
            return 0;
        });
        return command;
    }
}
