using ContentPipeline.Ingestion.Feeds;
using ContentPipeline.Ingestion.Web;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Ingestion;

/// <summary>A document read from a file, a page or a feed item: its title if it has one, and its text.</summary>
public sealed record ArticleDocument(string Origin, string? Title, string? Url, string Text, DateTimeOffset? Published = null);

/// <summary>What one input gave: its documents, and the feed items that were left out, with why.</summary>
public sealed record ReadResult(IReadOnlyList<ArticleDocument> Documents, IReadOnlyList<string> Skipped);

/// <summary>
/// Reads files, web pages and feeds (local or remote, recognised by content, not by name). Anything
/// unusable is an IngestException that says why.
/// </summary>
public sealed class ArticleReader(WebFetcher web, IOptions<IngestionOptions> options)
{
    public async Task<ReadResult> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (info.Length == 0) throw new IngestException("the file is empty");
        if (info.Length > options.Value.MaxBytes) throw new IngestException($"the file is larger than {options.Value.MaxBytes:N0} bytes");
        var text = TextDecoding.Decode(await File.ReadAllBytesAsync(path, cancellationToken), charset: null);
        var origin = Path.GetFullPath(path);
        if (FeedParser.LooksLikeFeed(text)) return await FromFeedAsync(FeedParser.Parse(text, null), cancellationToken);
        var (title, body) = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".html" or ".htm" => Page(text, null),
            ".md" or ".markdown" => PlainText.FromMarkdown(text),
            _ => PlainText.FromText(text),
        };
        return One(new ArticleDocument(origin, title, null, body));
    }

    public async Task<ReadResult> ReadUrlAsync(Uri uri, CancellationToken cancellationToken)
    {
        var fetched = await web.GetAsync(uri, null, null, cancellationToken);
        return await FromFetchedAsync(fetched, cancellationToken);
    }

    /// <summary>A fetched body: a feed (whatever its content type says) or a page.</summary>
    public async Task<ReadResult> FromFetchedAsync(FetchResult fetched, CancellationToken cancellationToken, bool feedOnly = false, bool? fetchFullText = null)
    {
        var text = TextDecoding.Decode(fetched.Body, fetched.Charset);
        if (FeedParser.LooksLikeFeed(text)) return await FromFeedAsync(FeedParser.Parse(text, fetched.FinalUri), cancellationToken, fetchFullText);
        if (feedOnly) throw new IngestException("it is not a feed (RSS, RDF, Atom or JSON Feed)");
        if (fetched.MediaType is { } media && !media.StartsWith("text/", StringComparison.Ordinal) && !media.Contains("html") && !media.Contains("xml"))
            throw new IngestException($"unsupported content type {media}");
        var url = CanonicalUrl.From(fetched.FinalUri.AbsoluteUri);
        if (fetched.MediaType == "text/plain")
        {
            var (title, body) = PlainText.FromText(text);
            return One(new ArticleDocument(fetched.FinalUri.AbsoluteUri, title, url, body));
        }
        var page = PageExtractor.Extract(text, fetched.FinalUri);
        return One(new ArticleDocument(fetched.FinalUri.AbsoluteUri, page.Title, url, page.Text, page.Published));
    }

    private async Task<ReadResult> FromFeedAsync(Feed feed, CancellationToken cancellationToken, bool? fetchFullText = null)
    {
        var o = options.Value;
        var documents = new List<ArticleDocument>();
        var skipped = new List<string>();
        foreach (var item in feed.Items)
        {
            var name = item.Title ?? item.Link ?? item.Id ?? "an item";
            var text = item.Text ?? (item.Html is null ? "" : HtmlText.Extract(item.Html).Text);
            var published = item.Published;
            if (Words(text) < o.TeaserWords && (fetchFullText ?? o.FetchFullText) && item.Link is not null)
            {
                try
                {
                    var page = PageExtractor.Extract(TextDecoding.Decode((await web.GetAsync(new Uri(item.Link), null, null, cancellationToken)).Body, null), new Uri(item.Link));
                    if (Words(page.Text) > Words(text)) (text, published) = (page.Text, published ?? page.Published);
                }
                catch (IngestException e)
                {
                    if (Words(text) == 0)
                    {
                        skipped.Add($"{name}: {e.Message}");
                        continue;
                    }
                }
            }
            documents.Add(new ArticleDocument(item.Link ?? item.Id ?? feed.Title ?? "feed", item.Title, CanonicalUrl.From(item.Link), text, published));
        }
        if (documents.Count == 0 && skipped.Count == 0) throw new IngestException($"the {feed.Format} feed has no items");
        return new ReadResult(documents, skipped);
    }

    private static (string? Title, string Text) Page(string html, Uri? url)
    {
        var page = PageExtractor.Extract(html, url);
        return (page.Title, page.Text);
    }

    private static ReadResult One(ArticleDocument document) => new([document], []);

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
