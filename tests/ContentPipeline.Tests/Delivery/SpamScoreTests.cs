using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ContentPipeline.Newsletters;
using Xunit.Abstractions;

namespace ContentPipeline.Tests.Delivery;

/// <summary>Runs only where SpamAssassin is installed (apt-get install -y spamassassin; .ci/run installs it).</summary>
public sealed class SpamAssassinFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/spamassassin";

    public SpamAssassinFactAttribute()
    {
        if (!File.Exists(Path)) Skip = $"{Path} is not installed";
    }
}

public sealed partial class SpamScoreTests(ITestOutputHelper output)
{
    [SpamAssassinFact]
    public async Task ASampleNewsletter_ScoresZeroOrLess_WithSpamAssassinOffline()
    {
        var (factory, renderer) = MessageFactoryTests.Create(new NewsletterOptions
        {
            Title = "The Daily Pipeline", FromAddress = "newsletter@pipeline.example.com", FromName = "The Daily Pipeline",
            PublicBaseUrl = "https://pipeline.example.com", UnsubscribeMailbox = "unsubscribe@pipeline.example.com",
        });
        var stories = new[]
        {
            MessageFactoryTests.Story("Larkhaven closes Wexley Bridge to cars") with
            {
                Summary = "The city of Larkhaven will close its oldest bridge to cars from next spring, after engineers found that two of its iron supports had corroded far faster than expected. It stays open to people on foot and on bicycles.",
                Topics = ["transport", "city"], Url = "https://larkhaven-daily.example.org/wexley-bridge",
            },
            MessageFactoryTests.Story("Harbour market wins award for reducing waste") with
            {
                Summary = "The covered market at Port Sellin has cut the rubbish its traders send to landfill by more than half in two years; unsold bread now goes to a shelter every evening.",
                Topics = ["environment"], Url = "https://portsellin-news.example.org/market-award",
            },
        };
        var message = factory.ForIssue(renderer.View(12, new DateTime(2026, 11, 28), stories))
            .Create(MessageFactoryTests.Subscriber("Ada Lovelace", id: 7), "issue-12.sub-7@pipeline.example.com");

        var (score, report) = await ScoreAsync(System.Text.Encoding.ASCII.GetString(message.ToBytes()));

        output.WriteLine($"SpamAssassin score {score}:\n{report}");
        Assert.True(score <= 0, $"SpamAssassin score {score}:\n{report}");
    }

    private static async Task<(double Score, string Report)> ScoreAsync(string eml)
    {
        using var process = Process.Start(new ProcessStartInfo(SpamAssassinFactAttribute.Path, "-L -t")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(eml);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        var text = await output;
        var status = ScoreHeader().Match(text);
        Assert.True(status.Success, text + await errors);
        var reportStart = text.IndexOf("Content analysis details", StringComparison.Ordinal);
        return (double.Parse(status.Groups[1].Value, CultureInfo.InvariantCulture), reportStart >= 0 ? text[reportStart..] : text);
    }

    [GeneratedRegex(@"X-Spam-Status: \w+, score=(-?[0-9.]+)")]
    private static partial Regex ScoreHeader();
}
