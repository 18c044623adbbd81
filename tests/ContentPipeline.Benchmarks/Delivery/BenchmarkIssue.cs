using ContentPipeline.Issues;
using System.Text;
using ContentPipeline.Data;
using ContentPipeline.Delivery;
using ContentPipeline.Newsletters;
using ContentPipeline.Subscribers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContentPipeline.Benchmarks.Delivery;

/// <summary>Seeds a benchmark database: N subscribers (through the CSV importer) and one issue, ready to fan out, whose message is about the given size.</summary>
internal static class BenchmarkIssue
{
    private const string Sentence = "The council said the harbour works would finish before the spring tides, and traders on the north bank welcomed the news. ";

    public static async Task<long> SeedAsync(AppDbContext db, int subscribers, int size)
    {
        var csv = new StringBuilder("email,name\n");
        for (var i = 1; i <= subscribers; i++) csv.Append("reader").Append(i).Append("@bench.example.org,Reader ").Append(i).Append('\n');
        var (report, error) = await new SubscriberImporter(db, TimeProvider.System).ImportAsync(new StringReader(csv.ToString()), "bench", default);
        if (report is null || report.Added != subscribers) throw new InvalidOperationException($"seeding subscribers failed: {error}");

        return await NewIssueAsync(db);
    }

    /// <summary>Another issue for the same subscribers, ready to fan out (its stories come from <see cref="GrowToAsync"/>).</summary>
    public static async Task<long> NewIssueAsync(AppDbContext db)
    {
        var now = DateTime.UtcNow;
        var issue = new Issue { State = IssueState.FanningOut, Subject = "Benchmark issue", CreatedAt = now, UpdatedAt = now };
        db.Issues.Add(issue);
        await db.SaveChangesAsync();
        return issue.Id;
    }

    /// <summary>Adds stories until one subscriber's message reaches about <paramref name="size"/> bytes; returns its size.</summary>
    public static async Task<long> GrowToAsync(IServiceProvider services, long issueId, int size)
    {
        long bytes = 0;
        for (var story = 1; story <= 200 && bytes < size; story++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var text = string.Concat(Enumerable.Repeat(Sentence, 6));
            var article = new Article
            {
                Title = $"Story {story}", Url = $"https://news.example.org/story-{story}", Origin = "bench", Text = text, RawText = text,
                ContentHash = $"bench-{issueId}-{story}", Status = ArticleStatus.Summarized, IssueId = issueId, CreatedAt = DateTime.UtcNow,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            db.Summaries.Add(new Summary
            {
                ArticleId = article.Id, Headline = $"Harbour works, part {story}: what the council decided", Text = text[..(Sentence.Length * 4)],
                Topics = ["harbour", "council"], Provider = "bench", Model = "bench", PromptVersion = "bench", CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            bytes = await MessageBytesAsync(scope.ServiceProvider, issueId);
        }
        return bytes;
    }

    /// <summary>Composition alone, on one thread: messages per second for rendering, personalising, signing and writing copies.</summary>
    public static async Task<double> ComposeRateAsync(IServiceProvider services, long issueId, int messages)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var issue = await db.Issues.AsNoTracking().SingleAsync(i => i.Id == issueId);
        var stories = await scope.ServiceProvider.GetRequiredService<IssueStories>().LoadAsync(issueId, default);
        var model = scope.ServiceProvider.GetRequiredService<NewsletterRenderer>().View(issueId, issue.CreatedAt, stories);
        var subscribers = await db.Subscribers.AsNoTracking().OrderBy(s => s.Id).Take(messages).ToListAsync();
        var copies = scope.ServiceProvider.GetRequiredService<MessageFactory>().ForIssue(model);
        copies.Create(subscribers[0], "warm@example.org").Message.WriteTo(OutgoingMessage.WireFormat, Stream.Null);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var subscriber in subscribers)
        {
            using var copy = copies.Create(subscriber, $"bench-{subscriber.Id}@example.org");
            copy.Message.WriteTo(OutgoingMessage.WireFormat, Stream.Null);
        }
        return subscribers.Count / clock.Elapsed.TotalSeconds;
    }

    private static async Task<long> MessageBytesAsync(IServiceProvider services, long issueId)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var issue = await db.Issues.AsNoTracking().SingleAsync(i => i.Id == issueId);
        var stories = await services.GetRequiredService<IssueStories>().LoadAsync(issueId, default);
        var model = services.GetRequiredService<NewsletterRenderer>().View(issueId, issue.CreatedAt, stories);
        var subscriber = await db.Subscribers.AsNoTracking().OrderBy(s => s.Id).FirstAsync();
        using var buffer = new MemoryStream();
        services.GetRequiredService<MessageFactory>().Create(model, subscriber, "bench@example.org").WriteTo(buffer);
        return buffer.Length;
    }
}
