using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using ContentPipeline.Ingestion;
using ContentPipeline.Ingestion.Feeds;
using ContentPipeline.Summaries.Extractive;

namespace ContentPipeline.Benchmarks.Feeds;

/// <summary>
/// <c>feeds [--documents 1000] [--items 10]</c>: parses and normalises generated feeds (RSS 2.0, RSS 1.0, Atom
/// and JSON Feed in turn) into cleaned article text, and prints items per second beside a reference that
/// only parses the same documents (XDocument / JsonDocument) in the same run, plus peak memory.
/// </summary>
internal static class FeedBenchmark
{
    public static int Run(string[] args)
    {
        var documents = Option(args, "--documents", 1000);
        var perDocument = Option(args, "--items", 10);
        var feeds = Enumerable.Range(0, documents).Select(i => Generate(i, perDocument)).ToList();
        var megabytes = feeds.Sum(f => Encoding.UTF8.GetByteCount(f)) / 1e6;
        var items = documents * perDocument;

        // Warm every path with a whole untimed pass, then pause for the tiered JIT's background recompilation: a pass
        // over 8 documents left most of the parsers' code at tier 0, so the timed pass measured the JIT, not the code.
        foreach (var stage in Enum.GetValues<Stage>()) Ours(feeds, stage);
        Reference(feeds);
        Thread.Sleep(1000);

        var reference = Time(() => Reference(feeds));
        var parsing = Time(() => Ours(feeds, Stage.Parse));
        var toText = Time(() => Ours(feeds, Stage.Text));
        var ours = Time(() => Ours(feeds));
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;

        Console.WriteLine($"{documents:N0} feed documents, {items:N0} items, {megabytes:F1} MB (RSS 2.0, RSS 1.0, Atom 1.0, JSON Feed in turn)");
        Console.WriteLine($"  reference: parse only (XDocument/JsonDocument)  {items / reference.TotalSeconds,10:N0} items/s");
        Console.WriteLine($"  ours, stage by stage: parse + links + dates {items / parsing.TotalSeconds:N0} items/s; + HTML to text {items / toText.TotalSeconds:N0}; + cleaning {items / ours.TotalSeconds:N0}");
        Console.WriteLine($"  ours: parse, resolve links, dates, HTML to text, clean  {items / ours.TotalSeconds,10:N0} items/s");
        Console.WriteLine($"  ours / reference (throughput)   {reference.TotalSeconds / ours.TotalSeconds:F3}");
        Console.WriteLine($"  peak working set                {peak:F0} MB");
        return 0;
    }

    private enum Stage { Parse, Text, Clean }

    private static int Ours(IEnumerable<string> feeds, Stage stage = Stage.Clean)
    {
        var count = 0;
        foreach (var feed in feeds)
            foreach (var item in FeedParser.Parse(feed, new Uri("https://bench.example/feed")).Items)
            {
                var text = stage == Stage.Parse ? item.Html ?? item.Text ?? "" : item.Text ?? HtmlText.Extract(item.Html ?? "").Text;
                if (stage == Stage.Clean) text = ArticleCleaner.Clean(text);
                count += text.Length > 0 ? 1 : 0;
            }
        return count;
    }

    private static int Reference(IEnumerable<string> feeds)
    {
        var count = 0;
        foreach (var feed in feeds)
        {
            if (feed.StartsWith('{'))
            {
                using var json = JsonDocument.Parse(feed);
                count += json.RootElement.GetProperty("items").GetArrayLength();
            }
            else count += XDocument.Parse(feed).Descendants().Count(e => e.Name.LocalName is "item" or "entry");
        }
        return count;
    }

    private static TimeSpan Time(Func<int> work)
    {
        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed;
    }

    private static string Generate(int index, int items)
    {
        var entries = Enumerable.Range(0, items).Select(i => (Title: $"Story {index}-{i}: council approves plan {i}", Body: Body(index, i))).ToList();
        return (index % 4) switch
        {
            0 => $"<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Feed {index}</title>" +
                 string.Concat(entries.Select((e, i) => $"<item><title>{e.Title}</title><link>/news/{index}/{i}?utm_source=rss</link><pubDate>Tue, 03 Nov 2026 09:{i % 60:D2}:00 GMT</pubDate>" +
                     $"<content:encoded><![CDATA[{e.Body}]]></content:encoded></item>")) + "</channel></rss>",
            1 => "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">" +
                 $"<channel><title>Feed {index}</title></channel>" +
                 string.Concat(entries.Select((e, i) => $"<item><title>{e.Title}</title><link>https://bench.example/news/{index}/{i}</link><dc:date>2026-11-03T09:{i % 60:D2}:00Z</dc:date>" +
                     $"<description>{System.Security.SecurityElement.Escape(e.Body)}</description></item>")) + "</rdf:RDF>",
            2 => $"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Feed {index}</title>" +
                 string.Concat(entries.Select((e, i) => $"<entry><title>{e.Title}</title><link href=\"/news/{index}/{i}\"/><id>urn:{index}:{i}</id><published>2026-11-03T09:{i % 60:D2}:00Z</published>" +
                     $"<content type=\"html\">{System.Security.SecurityElement.Escape(e.Body)}</content></entry>")) + "</feed>",
            _ => JsonSerializer.Serialize(new
            {
                version = "https://jsonfeed.org/version/1.1",
                title = $"Feed {index}",
                items = entries.Select((e, i) => new { id = $"{index}-{i}", url = $"https://bench.example/news/{index}/{i}", title = e.Title, content_html = e.Body, date_published = "2026-11-03T09:00:00Z" }),
            }),
        };
    }

    private static string Body(int index, int item)
    {
        var text = new StringBuilder();
        for (var p = 0; p < 6; p++)
            text.Append($"<p>The council of district {index} met on day {item} and discussed item {p} of the harbour plan, which would add {p + 3} berths " +
                        $"and a covered market for {item + 10} stalls. Residents said the plan was long overdue. Subscribe to our newsletter.</p>");
        return text.ToString();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }
}
