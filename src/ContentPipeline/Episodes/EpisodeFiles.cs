using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContentPipeline.Episodes;

/// <summary>The episode's companion files, written from the audio's own timeline.</summary>
public static class EpisodeFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Podcasting 2.0 JSON chapters (version 1.2.0): startTime and endTime in seconds, a title, and the story's link as url.</summary>
    public static string ChaptersJson(IEnumerable<EpisodeChapter> chapters) => JsonSerializer.Serialize(new
    {
        version = "1.2.0",
        chapters = chapters.Select(c => new { startTime = Math.Round(c.Start, 3), endTime = Math.Round(c.End, 3), title = c.Title, url = c.Url }),
    }, Json);

    /// <summary>The chapters back from their JSON, for the pages and the feed that show them; none when there is none.</summary>
    public static IReadOnlyList<EpisodeChapter> ReadChapters(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("chapters").EnumerateArray().Select(c => new EpisodeChapter(
            c.GetProperty("title").GetString() ?? "", c.TryGetProperty("url", out var url) ? url.GetString() : null,
            c.GetProperty("startTime").GetDouble(), c.TryGetProperty("endTime", out var end) ? end.GetDouble() : 0)).ToList();
    }

    /// <summary>The transcript's cues back as text (start, speaker, words), for the page that shows it.</summary>
    public static IReadOnlyList<(double Start, string Speaker, string Text)> ReadTranscript(string? vtt)
    {
        var cues = new List<(double, string, string)>();
        if (string.IsNullOrEmpty(vtt)) return cues;
        double start = 0;
        foreach (var line in vtt.Split('\n'))
        {
            var arrow = line.IndexOf(" --> ", StringComparison.Ordinal);
            if (arrow > 0 && TimeSpan.TryParseExact(line[..arrow], @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture, out var at)) start = at.TotalSeconds;
            else if (line.StartsWith("<v ", StringComparison.Ordinal) && line.IndexOf('>') is > 3 and var close)
                cues.Add((start, Unescape(line[3..close]), Unescape(line[(close + 1)..])));
        }
        return cues;
    }

    private static string Unescape(string text) => text.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");

    /// <summary>WebVTT: a cue per segment, the speaker as a voice span.</summary>
    public static string Transcript(IEnumerable<TimedSegment> segments)
    {
        var vtt = new StringBuilder("WEBVTT\n");
        var n = 0;
        foreach (var s in segments)
            vtt.Append(CultureInfo.InvariantCulture, $"\n{++n}\n{Clock(s.Start)} --> {Clock(s.End)}\n<v {Escape(s.Segment.Speaker)}>{Escape(s.Segment.Text)}\n");
        return vtt.ToString();
    }

    /// <summary>ffmpeg's FFMETADATA with a [CHAPTER] per chapter, in milliseconds; ffmpeg writes them as ID3v2 CHAP frames and a CTOC.</summary>
    public static string FfMetadata(string title, IEnumerable<EpisodeChapter> chapters)
    {
        var text = new StringBuilder(";FFMETADATA1\n").Append("title=").Append(Meta(title)).Append('\n');
        foreach (var c in chapters)
            text.Append(CultureInfo.InvariantCulture,
                $"[CHAPTER]\nTIMEBASE=1/1000\nSTART={(long)Math.Round(c.Start * 1000)}\nEND={(long)Math.Round(c.End * 1000)}\ntitle={Meta(c.Title)}\n");
        return text.ToString();
    }

    private static string Clock(double seconds) => TimeSpan.FromMilliseconds(Math.Round(seconds * 1000)).ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);

    /// <summary>A cue's text may not carry a raw &amp;, &lt; or &gt;, nor the blank line that ends a cue.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").ReplaceLineEndings(" ");

    /// <summary>FFMETADATA escapes '=', ';', '#', '\' and newlines with a backslash.</summary>
    private static string Meta(string value)
    {
        var text = new StringBuilder();
        foreach (var c in value.ReplaceLineEndings(" "))
        {
            if (c is '=' or ';' or '#' or '\\') text.Append('\\');
            text.Append(c);
        }
        return text.ToString();
    }
}
