using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ContentPipeline.Ingestion.Sources;

namespace ContentPipeline.Cli;

/// <summary>sources add &lt;url&gt; [--no-full-text] | list [--json] | remove &lt;id&gt;: the feeds poll-feeds fetches.</summary>
internal static class SourcesCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(CommandLine cli, string[] configArgs) =>
        new("sources", "Feeds fetched by the recurring poll-feeds job") { Add(cli, configArgs), List(cli, configArgs), Remove(cli, configArgs) };

    private static Command Add(CommandLine cli, string[] configArgs)
    {
        var url = new Argument<string>("url") { Description = "The feed's http(s) URL (RSS, RDF, Atom or JSON Feed)" };
        var teasers = new Option<bool>("--no-full-text") { Description = "Keep teaser items as they are instead of fetching the linked page" };
        var command = new Command("add", "Add a feed") { url, teasers };
        command.SetAction((result, ct) => WithRegistry(cli, configArgs, result, ct, async registry =>
        {
            var added = await registry.AddAsync(result.GetValue(url)!, result.GetValue(teasers) ? false : null, ct);
            if (added.Error is not null)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"error: {added.Error}");
                return 1;
            }
            await result.InvocationConfiguration.Output.WriteLineAsync(added.Created
                ? $"ok added source #{added.Source!.Id} {added.Source.Url}; poll-feeds fetches it on its next run"
                : $"ok {added.Source!.Url} is already source #{added.Source.Id}");
            return 0;
        }));
        return command;
    }

    private static Command List(CommandLine cli, string[] configArgs)
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per source" };
        var command = new Command("list", "List feeds with their last fetch and error") { json };
        command.SetAction((result, ct) => WithRegistry(cli, configArgs, result, ct, async registry =>
        {
            var output = result.InvocationConfiguration.Output;
            var sources = await registry.ListAsync(ct);
            foreach (var s in sources)
                await output.WriteLineAsync(result.GetValue(json)
                    ? JsonSerializer.Serialize(new
                    {
                        id = s.Id, url = s.Url, lastFetchedAt = s.LastFetchedAt, lastSuccessAt = s.LastSuccessAt, lastError = s.LastError,
                        consecutiveFailures = s.ConsecutiveFailures, nextAttemptAt = s.NextAttemptAt, articlesStored = s.ArticlesStored,
                    }, Json)
                    : $"{s.Id,5}  {s.Url,-50} fetched {When(s.LastFetchedAt)}, {s.ArticlesStored} article(s), next {When(s.NextAttemptAt)}" +
                      (s.LastError is null ? "" : $"; failing {s.ConsecutiveFailures}x: {s.LastError}"));
            if (!result.GetValue(json) && sources.Count == 0) await output.WriteLineAsync("no sources yet: add one with `sources add <feed url>`");
            return 0;
        }));
        return command;
    }

    private static Command Remove(CommandLine cli, string[] configArgs)
    {
        var id = new Argument<long>("id") { Description = "The source's id (see sources list)" };
        var command = new Command("remove", "Remove a feed (its articles stay)") { id };
        command.SetAction((result, ct) => WithRegistry(cli, configArgs, result, ct, async registry =>
        {
            if (await registry.RemoveAsync(result.GetValue(id), ct))
            {
                await result.InvocationConfiguration.Output.WriteLineAsync($"ok removed source #{result.GetValue(id)}");
                return 0;
            }
            await result.InvocationConfiguration.Error.WriteLineAsync($"error: there is no source #{result.GetValue(id)}");
            return 1;
        }));
        return command;
    }

    private static async Task<int> WithRegistry(CommandLine cli, string[] configArgs, ParseResult result, CancellationToken ct, Func<SourceRegistry, Task<int>> run)
    {
        using var host = cli.BuildCli(configArgs, jobServer: false, result.GetValue(CommandLine.Verbose));
        await host.StartAsync(ct);
        await using var scope = host.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<SourceRegistry>());
    }

    private static string When(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never";
}
