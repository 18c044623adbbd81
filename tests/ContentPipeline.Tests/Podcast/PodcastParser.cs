using System.Diagnostics;
using System.Text.Json;

namespace ContentPipeline.Tests.Podcast;

/// <summary>
/// Debian's python3-podcastparser (gPodder's parser) reads a feed the way a podcast app does; the Podcasting 2.0 tags it
/// does not know, and the show's UUIDv5, are read in the same process by Python's own XML parser and uuid module.
/// </summary>
internal static class PodcastParser
{
    public const string Python = "/usr/bin/python3";

    private const string Script = """
        import json, sys, uuid, xml.etree.ElementTree as ET
        import podcastparser
        path, url, feed_url = sys.argv[1], sys.argv[2], sys.argv[3]
        with open(path, 'rb') as f:
            parsed = podcastparser.parse(url, f)
        P = '{https://podcastindex.org/namespace/1.0}'
        A = '{http://www.w3.org/2005/Atom}'
        channel = ET.parse(path).getroot().find('channel')
        locked = channel.find(P + 'locked')
        extra = {
            'guid': channel.findtext(P + 'guid'),
            'locked': locked.text, 'locked_owner': locked.get('owner'),
            'self': [l.get('href') for l in channel.findall(A + 'link') if l.get('rel') == 'self'],
            'expected_guid': str(uuid.uuid5(uuid.UUID('ead4c236-bf58-58c6-a2c6-a6b28d128cb6'), feed_url.split('://', 1)[-1].rstrip('/'))),
            'items': [{
                'transcript': i.find(P + 'transcript').attrib,
                'chapters': i.find(P + 'chapters').attrib,
                'pubDate': i.findtext('pubDate'),
            } for i in channel.findall('item')],
        }
        print(json.dumps({'parsed': parsed, 'extra': extra}))
        """;

    public static JsonDocument Parse(string feedFile, string url)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", Script, feedFile, url, url }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"podcastparser failed (apt-get install -y python3-podcastparser): {error.Result}");
        return JsonDocument.Parse(output);
    }
}
