using System.CommandLine;
using System.Text.Json;
using ContentPipeline.Ingestion;

namespace ContentPipeline.Cli;

/// <summary>ingest &lt;file|folder|url&gt;...: stores articles; one line (or JSON object) per result; exit 1 when any input failed.</summary>
internal static class IngestCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(CommandLine cli, string[] configArgs)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files (.txt, .md, .html), folders or http(s) URLs", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "One JSON object per stored article or failed input" };
        var command = new Command("ingest", "Store articles from files, folders and web pages") { inputs, json };
        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var asJson = result.GetValue(json);
            using var host = cli.BuildCli(configArgs, jobServer: false, result.GetValue(CommandLine.Verbose));
            await host.StartAsync(ct);
            var failed = 0;
            foreach (var input in result.GetValue(inputs)!)
            {
                await using var scope = host.Services.CreateAsyncScope();
                var ingestor = scope.ServiceProvider.GetRequiredService<ArticleIngestor>();
                await foreach (var outcome in ingestor.IngestAsync(input, ct))
                {
                    if (!outcome.Succeeded) failed++;
                    await output.WriteLineAsync(asJson ? JsonLines(outcome) : Line(outcome));
                }
            }
            await host.StopAsync(CancellationToken.None);
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static string Line(IngestOutcome o)
    {
        if (!o.Succeeded) return $"error {o.Input}: {o.Error}";
        var created = o.Articles.Count(a => a.IsNew);
        var known = o.Articles.Where(a => !a.IsNew && a.DuplicateOf is null).Select(a => $"#{a.Id}").ToList();
        var duplicates = o.Articles.Where(a => a.DuplicateOf is not null).Select(a => $"#{a.Id} of #{a.DuplicateOf}").ToList();
        return $"ok {o.Input}: {created} new article(s)" + (known.Count > 0 ? $" (already stored as {string.Join(", ", known)})" : "")
            + (duplicates.Count > 0 ? $" (near-duplicate: {string.Join(", ", duplicates)})" : "")
            + (o.Skipped.Count > 0 ? $"; skipped {o.Skipped.Count} item(s): {string.Join("; ", o.Skipped)}" : "");
    }

    private static string JsonLines(IngestOutcome o) => o.Succeeded
        ? string.Join(Environment.NewLine, o.Articles.Select(a => JsonSerializer.Serialize(new { input = o.Input, id = a.Id, title = a.Title, url = a.Url, @new = a.IsNew, duplicateOf = a.DuplicateOf }, Json)))
        : JsonSerializer.Serialize(new { input = o.Input, error = o.Error }, Json);
}
