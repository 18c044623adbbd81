using System.Text.Json;
using ContentPipeline.Llm;
using ContentPipeline.Summaries.Extractive;

namespace ContentPipeline.Scripts;

/// <summary>
/// The offline client's podcast script: a cold open, an intro, one segment per story read from the
/// story's own sentences (summary first, then the article in order until the time budget is used),
/// transitions and an outro. Hosts take turns sentence by sentence when there are two or more.
/// </summary>
internal sealed class OfflineScriptResponder : IOfflineResponder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string SchemaName => ScriptAnswer.SchemaName;

    public string Respond(JsonElement request)
    {
        var data = request.Deserialize<ScriptRequestData>(Json) ?? throw new ArgumentException("The script request carries no stories.");
        var hosts = data.Hosts.Count > 0 ? data.Hosts : ["Host"];
        var lead = hosts[0];
        var segments = new List<ScriptSegment>();
        var first = data.Stories[0];
        segments.Add(new(SegmentKind.ColdOpen, lead, SentenceSplitter.Split(first.Summary).FirstOrDefault() ?? first.Headline, [first.Id]));
        var lineup = string.Join("; ", data.Stories.Select(s => s.Headline.TrimEnd('.')));
        segments.Add(new(SegmentKind.Intro, lead, $"Welcome to {data.Title} for {data.Date}. Today: {lineup}.", []));

        var framingWords = segments.Sum(s => Words(s.Text)) + 20 + 8 * data.Stories.Count;
        var budget = Math.Max(40, (int)(data.TargetMinutes * data.WordsPerMinute) - framingWords) / data.Stories.Count;
        for (var i = 0; i < data.Stories.Count; i++)
        {
            var story = data.Stories[i];
            if (i > 0) segments.Add(new(SegmentKind.Transition, hosts[i % hosts.Count], $"Next: {story.Headline.TrimEnd('.')}.", [story.Id]));
            var sentences = StorySentences(story, budget);
            for (var turn = 0; turn < (hosts.Count > 1 ? sentences.Count : 1); turn++)
            {
                var text = hosts.Count > 1 ? sentences[turn] : string.Join(" ", sentences);
                segments.Add(new(SegmentKind.Story, hosts[turn % hosts.Count], text, [story.Id]));
            }
        }
        segments.Add(new(SegmentKind.Outro, lead, $"That's all for {data.Title} today. Thanks for listening.", []));
        return JsonSerializer.Serialize(new ScriptAnswer(data.Title, segments), Json);
    }

    /// <summary>The summary's sentences plus the article's next ones up to the word budget, read in article order.</summary>
    private static List<string> StorySentences(ScriptStory story, int budget)
    {
        var article = SentenceSplitter.Split(ArticleCleaner.Clean(story.Text));
        var chosen = new HashSet<string>(SentenceSplitter.Split(story.Summary).Where(article.Contains));
        var words = chosen.Sum(Words);
        foreach (var sentence in article)
        {
            if (words >= budget) break;
            if (chosen.Add(sentence)) words += Words(sentence);
        }
        var ordered = article.Where(chosen.Contains).Distinct().ToList();
        return ordered.Count > 0 ? ordered : [story.Headline];
    }

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
