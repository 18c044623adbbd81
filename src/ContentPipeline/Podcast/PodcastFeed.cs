using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ContentPipeline.Episodes;

namespace ContentPipeline.Podcast;

/// <summary>One published episode, as the feed needs it.</summary>
public sealed record FeedEpisode(long IssueId, string Title, DateTime SentAt, double DurationSeconds, long Bytes, string? ChaptersJson, DateTime RecordedAt);

/// <summary>The show's links, all absolute: apps fetch them from anywhere.</summary>
public sealed record FeedLinks(string Feed, string Site, string Cover, Func<long, string> Episode, Func<long, string> Chapters, Func<long, string> Transcript);

/// <summary>RSS 2.0 with the iTunes and Podcasting 2.0 namespaces, with the tags Apple requires and PSP-1 lists.</summary>
public static class PodcastFeed
{
    public static readonly XNamespace Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public static readonly XNamespace Podcast = "https://podcastindex.org/namespace/1.0";
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static string Write(PodcastOptions show, string title, FeedLinks links, IEnumerable<FeedEpisode> episodes)
    {
        var category = show.Category.Split('/', 2, StringSplitOptions.TrimEntries);
        var itunesCategory = new XElement(Itunes + "category", new XAttribute("text", category[0]));
        if (category.Length == 2) itunesCategory.Add(new XElement(Itunes + "category", new XAttribute("text", category[1])));
        var channel = new XElement("channel",
            new XElement("title", title),
            new XElement("description", show.Description),
            new XElement("link", links.Site),
            new XElement("language", show.Language),
            new XElement(Atom + "link", new XAttribute("href", links.Feed), new XAttribute("rel", "self"), new XAttribute("type", "application/rss+xml")),
            new XElement(Itunes + "image", new XAttribute("href", links.Cover)),
            // RSS's own image too: readers that know no iTunes tags still show the cover.
            new XElement("image", new XElement("url", links.Cover), new XElement("title", title), new XElement("link", links.Site)),
            itunesCategory,
            new XElement(Itunes + "explicit", show.Explicit ? "true" : "false"),
            new XElement(Itunes + "author", show.Author),
            new XElement(Itunes + "owner", new XElement(Itunes + "name", show.Author), new XElement(Itunes + "email", show.OwnerEmail)),
            new XElement(Itunes + "type", "episodic"),
            new XElement(Podcast + "guid", PodcastGuid.ForFeed(links.Feed).ToString()),
            new XElement(Podcast + "locked", new XAttribute("owner", show.OwnerEmail), show.Locked ? "yes" : "no"));
        foreach (var e in episodes) channel.Add(Item(e, show, links));
        var rss = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("rss", new XAttribute("version", "2.0"),
            new XAttribute(XNamespace.Xmlns + "itunes", Itunes), new XAttribute(XNamespace.Xmlns + "podcast", Podcast),
            new XAttribute(XNamespace.Xmlns + "atom", Atom), channel));
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(new Utf8StringWriter(text), new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
            rss.Save(writer);
        return text.ToString();
    }

    private static XElement Item(FeedEpisode e, PodcastOptions show, FeedLinks links) => new("item",
        new XElement("title", e.Title),
        new XElement("description", ShowNotes(e)),
        new XElement("enclosure", new XAttribute("url", links.Episode(e.IssueId)), new XAttribute("length", e.Bytes), new XAttribute("type", "audio/mpeg")),
        new XElement("guid", new XAttribute("isPermaLink", "false"), Guid(e)),
        new XElement("link", links.Site.TrimEnd('/') + "/" + e.IssueId),
        new XElement("pubDate", new DateTimeOffset(DateTime.SpecifyKind(e.SentAt, DateTimeKind.Utc)).ToString("r", CultureInfo.InvariantCulture)),
        new XElement(Itunes + "duration", (long)Math.Round(e.DurationSeconds)),
        new XElement(Itunes + "explicit", show.Explicit ? "true" : "false"),
        new XElement(Podcast + "transcript", new XAttribute("url", links.Transcript(e.IssueId)), new XAttribute("type", "text/vtt"), new XAttribute("rel", "captions")),
        new XElement(Podcast + "chapters", new XAttribute("url", links.Chapters(e.IssueId)), new XAttribute("type", "application/json+chapters")));

    /// <summary>
    /// Never changes: made from the issue and when its episode was recorded, not from any URL, so moving the host
    /// (Newsletter:PublicBaseUrl) does not make every app download the show again.
    /// </summary>
    public static string Guid(FeedEpisode e) =>
        PodcastGuid.V5(PodcastGuid.Namespace, $"contentpipeline/issue/{e.IssueId}/episode/{e.RecordedAt.Ticks}").ToString();

    /// <summary>The show notes: each story with its link, as HTML (encoded once more by the XML writer, as RSS expects).</summary>
    private static string ShowNotes(FeedEpisode e)
    {
        var stories = EpisodeFiles.ReadChapters(e.ChaptersJson).Where(c => c.Url is not null).ToList();
        var html = new StringBuilder("<p>").Append(WebUtility.HtmlEncode(e.Title)).Append("</p>");
        if (stories.Count == 0) return html.ToString();
        html.Append("<ul>");
        foreach (var s in stories)
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(s.Url)).Append("\">").Append(WebUtility.HtmlEncode(s.Title)).Append("</a></li>");
        return html.Append("</ul>").ToString();
    }

    /// <summary>A StringWriter that declares UTF-8, so the XML declaration says what the response is.</summary>
    private sealed class Utf8StringWriter(StringBuilder text) : StringWriter(text, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
