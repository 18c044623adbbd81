using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace ContentPipeline.Ingestion.Feeds;

/// <summary>
/// RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed, recognised by content, not by name. XML is read
/// with DTDs ignored and no resolver, so entity-expansion and external-entity payloads expand nothing.
/// </summary>
public static class FeedParser
{
    private static readonly XNamespace Atom10 = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";
    private static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>True when the text looks like a feed document rather than a page or an article.</summary>
    public static bool LooksLikeFeed(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("{")) return start.IndexOf("jsonfeed.org", StringComparison.OrdinalIgnoreCase) is >= 0 and < 400;
        if (!start.StartsWith("<")) return false;
        var head = start[..Math.Min(start.Length, 2048)].ToString();
        return head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<feed", StringComparison.OrdinalIgnoreCase);
    }

    /// <exception cref="IngestException">The document is not a feed we can read; the message says why.</exception>
    public static Feed Parse(string text, Uri? source)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith('{') ? JsonFeed(trimmed, source) : XmlFeed(trimmed, source);
    }

    private static Feed XmlFeed(string text, Uri? source)
    {
        if (text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
            throw new IngestException("it is an HTML page, not a feed");
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                MaxCharactersFromEntities = 1024,
            });
            document = XDocument.Load(reader, LoadOptions.SetBaseUri);
        }
        catch (XmlException e)
        {
            throw new IngestException($"the feed is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}: {FirstLine(e.Message)})");
        }

        var root = document.Root!;
        return root.Name.LocalName switch
        {
            "rss" => Rss(root, root.Element("channel"), $"RSS {(string?)root.Attribute("version") ?? "2.0"}", source),
            "RDF" => Rss(root, root.Element(Rss10 + "channel"), "RSS 1.0", source),
            "feed" when root.Name.Namespace == Atom10 => Atom(root, Atom10, "Atom 1.0", source),
            "feed" when root.Name.Namespace == Atom03 => Atom(root, Atom03, "Atom 0.3", source),
            "html" => throw new IngestException("it is an HTML page, not a feed"),
            _ => throw new IngestException($"<{root.Name.LocalName}> is not a feed format this reads (RSS, RDF, Atom or JSON Feed)"),
        };
    }

    private static Feed Rss(XElement root, XElement? channel, string format, Uri? source)
    {
        var ns = root.Name.LocalName == "RDF" ? Rss10 : XNamespace.None;
        // A feed read from a file has no address: its own site link is the base for relative item links.
        source ??= Absolute((string?)channel?.Element(ns + "link"), null) is { } site ? new Uri(site) : null;
        var items = (root.Name.LocalName == "RDF" ? root.Elements(ns + "item") : channel?.Elements("item") ?? []).Select(item =>
        {
            var link = Absolute((string?)item.Element(ns + "link") ?? Permalink(item), source);
            var html = (string?)item.Element(Content + "encoded") ?? (string?)item.Element(ns + "description");
            var date = (string?)item.Element("pubDate") ?? (string?)item.Element(Dc + "date");
            return new FeedItem((string?)item.Element("guid") ?? link, Clean((string?)item.Element(ns + "title")), link, html, null, LenientDates.Parse(date));
        }).ToList();
        return new Feed(format, Clean((string?)channel?.Element(ns + "title")), items);
    }

    private static Feed Atom(XElement root, XNamespace ns, string format, Uri? source)
    {
        source ??= root.Elements(ns + "link").FirstOrDefault(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate")?.Attribute("href")?.Value
            is { } site && Absolute(site, null) is { } absolute ? new Uri(absolute) : null;
        var items = root.Elements(ns + "entry").Select(entry =>
        {
            var baseUri = BaseOf(entry, source);
            var link = entry.Elements(ns + "link").FirstOrDefault(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate")?.Attribute("href")?.Value;
            var html = (string?)entry.Element(ns + "content") ?? (string?)entry.Element(ns + "summary");
            var date = (string?)entry.Element(ns + "published") ?? (string?)entry.Element(ns + "issued") ?? (string?)entry.Element(ns + "updated")
                ?? (string?)entry.Element(ns + "modified") ?? (string?)entry.Element(ns + "created");
            var absolute = Absolute(link, baseUri);
            return new FeedItem((string?)entry.Element(ns + "id") ?? absolute, Clean((string?)entry.Element(ns + "title")), absolute, html, null, LenientDates.Parse(date));
        }).ToList();
        return new Feed(format, Clean((string?)root.Element(ns + "title")), items);
    }

    private static Feed JsonFeed(string text, Uri? source)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 });
            var root = document.RootElement;
            source ??= Absolute(String(root, "home_page_url"), null) is { } site ? new Uri(site) : null;
            if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                throw new IngestException("the JSON Feed has no items array");
            var parsed = items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(item =>
            {
                var link = Absolute(String(item, "url") ?? String(item, "external_url"), source);
                return new FeedItem(String(item, "id") ?? link, Clean(String(item, "title")), link, String(item, "content_html") ?? String(item, "summary"),
                    String(item, "content_text"), LenientDates.Parse(String(item, "date_published") ?? String(item, "date_modified")));
            }).ToList();
            return new Feed("JSON Feed", Clean(String(root, "title")), parsed);
        }
        catch (JsonException e)
        {
            throw new IngestException($"the JSON Feed is not valid JSON ({FirstLine(e.Message)})");
        }
    }

    private static string? Permalink(XElement item)
    {
        var guid = item.Element("guid");
        var permalink = (string?)guid?.Attribute("isPermaLink") != "false";
        return guid is not null && permalink && Uri.TryCreate(guid.Value, UriKind.Absolute, out _) ? guid.Value : null;
    }

    /// <summary>xml:base from the root down to the element, each resolved against the one above.</summary>
    private static Uri? BaseOf(XElement element, Uri? source)
    {
        var result = source;
        foreach (var ancestor in element.AncestorsAndSelf().Reverse())
        {
            var declared = (string?)ancestor.Attribute(XNamespace.Xml + "base");
            if (declared is not null && Absolute(declared, result) is { } resolved) result = new Uri(resolved);
        }
        return result;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Links made absolute against the feed's address; anything but http(s) is dropped.</summary>
    private static string? Absolute(string? link, Uri? source)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        link = link.Trim();
        // "/news/a" is a relative reference, though .NET on Unix would read it as an absolute file path.
        var isRelative = link.StartsWith('/') || !link.Contains(':');
        Uri? uri = !isRelative && Uri.TryCreate(link, UriKind.Absolute, out var absolute) ? absolute
            : isRelative && source is not null && Uri.TryCreate(source, link, out var relative) ? relative : null;
        return uri is { Scheme: "http" or "https" } ? uri.AbsoluteUri : null;
    }

    /// <summary>A title as plain text on one line; most carry no markup, and those skip the HTML pass.</summary>
    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var plain = text.AsSpan().IndexOfAny('<', '&') < 0 ? text : HtmlText.Extract(text).Text;
        var line = string.Join(' ', plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length > 0 ? line : null;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
