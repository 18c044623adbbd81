namespace ContentPipeline.Tests.Ingestion.Feeds;

/// <summary>Hand-written feeds of every format, carrying the same two original stories, plus hostile ones.</summary>
public static class FeedFixtures
{
    public const string StoryOne =
        "The town of Amberley has opened a lending library for tools in its old fire station. Residents can borrow drills, ladders and " +
        "sewing machines for a week at a time. Volunteers say more than three hundred people signed up in the first fortnight.";

    public const string StoryTwo =
        "A rowing club on the River Esk has restored a wooden boat built in 1921. Members spent two winters replacing its ribs and planks " +
        "by hand. The boat will race again at the summer regatta, crewed by the club's oldest and youngest members.";

    public const string Rss20 = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Valley News</title>
            <link>https://valley.example/</link>
            <item>
              <title>Tool library opens in old fire station</title>
              <link>/news/tool-library?utm_source=rss&amp;id=7</link>
              <guid isPermaLink="false">valley-7</guid>
              <pubDate>Tue, 03 Nov 2026 09:30:00 GMT</pubDate>
              <description>Short teaser.</description>
              <content:encoded><![CDATA[<p>{StoryOne}</p>]]></content:encoded>
            </item>
            <item>
              <title>Century-old rowing boat restored</title>
              <link>https://valley.example/news/rowing-boat#comments</link>
              <pubDate>Wed, 4 Nov 2026 14:05 +0100</pubDate>
              <description>&lt;p&gt;{StoryTwo}&lt;/p&gt;</description>
            </item>
          </channel>
        </rss>
        """;

    public const string Rss091 = $"""
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
        <rss version="0.91">
          <channel>
            <title>Valley News</title>
            <item><title>Tool library opens in old fire station</title><link>https://valley.example/news/tool-library</link><description>{StoryOne}</description></item>
          </channel>
        </rss>
        """;

    public const string Rss10 = $"""
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://valley.example/"><title>Valley News</title></channel>
          <item rdf:about="https://valley.example/news/tool-library">
            <title>Tool library opens in old fire station</title>
            <link>https://valley.example/news/tool-library</link>
            <description>{StoryOne}</description>
            <dc:date>2026-11-03T09:30:00Z</dc:date>
          </item>
        </rdf:RDF>
        """;

    public const string Atom10 = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://valley.example/">
          <title>Valley News</title>
          <entry>
            <title>Century-old rowing boat restored</title>
            <link rel="alternate" href="news/rowing-boat"/>
            <id>tag:valley.example,2026:boat</id>
            <published>2026-11-04T13:05:00+00:00</published>
            <content type="html">&lt;p&gt;{StoryTwo}&lt;/p&gt;</content>
          </entry>
        </feed>
        """;

    public const string Atom03 = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed version="0.3" xmlns="http://purl.org/atom/ns#">
          <title>Valley News</title>
          <entry>
            <title>Century-old rowing boat restored</title>
            <link rel="alternate" type="text/html" href="https://valley.example/news/rowing-boat"/>
            <issued>2026-11-04T13:05:00Z</issued>
            <content type="text/html" mode="escaped">&lt;p&gt;{StoryTwo}&lt;/p&gt;</content>
          </entry>
        </feed>
        """;

    public const string JsonFeed = $$"""
        {
          "version": "https://jsonfeed.org/version/1.1",
          "title": "Valley News",
          "items": [
            { "id": "1", "url": "https://valley.example/news/tool-library", "title": "Tool library opens in old fire station",
              "content_text": "{{StoryOne}}", "date_published": "2026-11-03T09:30:00Z" }
          ]
        }
        """;

    public const string Malformed = """<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item></channel></rss>""";

    public const string HtmlServedAsFeed = """<!doctype html><html><head><title>Not a feed</title></head><body><feed>oops</feed></body></html>""";

    public const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        ]>
        <rss version="2.0"><channel><title>&lol4;</title><item><title>&lol4;</title><description>&lol4;</description></item></channel></rss>
        """;

    public const string ExternalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <rss version="2.0"><channel><title>x</title><item><title>Leak</title><description>&secret;</description></item></channel></rss>
        """;
}
