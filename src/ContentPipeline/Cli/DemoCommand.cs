using System.CommandLine;
using ContentPipeline.Data;
using ContentPipeline.Hosting;
using ContentPipeline.Ingestion;
using ContentPipeline.Subscribers;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Cli;

/// <summary>
/// demo: the quick start in one command. Ingests the bundled sample articles, adds reader@example.com
/// when there is no subscriber yet, and runs digest, so a newcomer sees every stage on the defaults.
/// </summary>
internal static class DemoCommand
{
    public const string SamplesFolder = "src/ContentPipeline/Samples";
    private const string DemoReader = "reader@example.com";

    public static Command Create(CommandLine cli, string[] configArgs)
    {
        var command = new Command("demo", $"Ingest the bundled sample articles, add {DemoReader} if there are no subscribers, and run digest");
        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            using var host = cli.BuildCli(configArgs, jobServer: true, result.GetValue(CommandLine.Verbose));
            await host.StartAsync(ct);
            try
            {
                await using (var scope = host.Services.CreateAsyncScope())
                {
                    var samples = host.Services.GetRequiredService<ContentRoot>().Resolve(SamplesFolder);
                    await foreach (var outcome in scope.ServiceProvider.GetRequiredService<ArticleIngestor>().IngestAsync(samples, ct))
                        await output.WriteLineAsync(outcome.Succeeded
                            ? $"ok {outcome.Input}: {outcome.Articles.Count(a => a.IsNew)} new article(s)"
                            : $"error {outcome.Input}: {outcome.Error}");
                    if (!await scope.ServiceProvider.GetRequiredService<AppDbContext>().Subscribers.AnyAsync(ct))
                    {
                        await scope.ServiceProvider.GetRequiredService<SubscriberRegistry>()
                            .AddAsync(DemoReader, "Reader", "demo", SubscriberStatus.Active, ct);
                        await output.WriteLineAsync($"ok added subscriber {DemoReader}");
                    }
                }
                var code = await DigestCommand.RunAsync(host.Services, null, 600, output, ct);
                await output.WriteLineAsync(cli.DescribeOutbox(host.Services));
                return code;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        });
        return command;
    }
}
