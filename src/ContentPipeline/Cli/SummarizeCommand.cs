using System.CommandLine;
using System.Text.Json;
using ContentPipeline.Ingestion;
using ContentPipeline.Llm;
using ContentPipeline.Summaries;
using ContentPipeline.Summaries.Extractive;

namespace ContentPipeline.Cli;

/// <summary>
/// summarize &lt;file&gt;...: what the configured provider makes of each file, without storing any article.
/// Model calls are still recorded and cached, like every call.
/// </summary>
internal static class SummarizeCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(CommandLine cli, string[] configArgs)
    {
        var files = new Argument<string[]>("files") { Description = "Article files (.txt, .md, .html)", Arity = ArgumentArity.OneOrMore };
        var sentences = new Option<int?>("--sentences") { Description = "Sentences per summary (default Summaries:Sentences)" };
        var json = new Option<bool>("--json") { Description = "One JSON object per file: file, headline, summary, keyPoints, topics" };
        var command = new Command("summarize", "Print the summary of each file, storing nothing") { files, sentences, json };
        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            using var host = cli.BuildCli(configArgs, jobServer: false, result.GetValue(CommandLine.Verbose));
            await host.StartAsync(ct);
            var summarizer = host.Services.GetRequiredService<ArticleSummarizer>();
            var reader = host.Services.GetRequiredService<ArticleReader>();
            var length = result.GetValue(sentences) is { } n ? SummaryLength.FromSentences(n) : null;
            var failed = 0;
            foreach (var file in result.GetValue(files)!)
            {
                try
                {
                    foreach (var document in (await reader.ReadFileAsync(file, ct)).Documents)
                    {
                        using var scope = ModelCallScope.Begin("summary");
                        var answer = (await summarizer.SummarizeAsync(document.Title, ArticleCleaner.Clean(document.Text),
                            length ?? summarizer.DefaultLength, ct)).Value;
                        await output.WriteLineAsync(result.GetValue(json)
                            ? JsonSerializer.Serialize(new { file, headline = answer.Headline, summary = answer.Summary, keyPoints = answer.KeyPoints, topics = answer.Topics }, Json)
                            : $"# {answer.Headline}{Environment.NewLine}{answer.Summary}{Environment.NewLine}");
                    }
                }
                catch (Exception e) when (e is IngestException or IOException or ModelAnswerException || ModelFailure.Is(e, ct))
                {
                    failed++;
                    await output.WriteLineAsync(result.GetValue(json)
                        ? JsonSerializer.Serialize(new { file, error = e.Message }, Json)
                        : $"error {file}: {e.Message}");
                }
            }
            await host.StopAsync(CancellationToken.None);
            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
