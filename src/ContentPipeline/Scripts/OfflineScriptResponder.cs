using ContentPipeline.Ingestion;
using System.Text.Json;
using ContentPipeline.Llm;
using ContentPipeline.Summaries.Extractive;

namespace ContentPipeline.Scripts;

/// <summary>
/// The offline client's podcast script. Story segments are read from the stories' own sentences: each
/// story's summary first, then more of the article in article order, shared out between the stories until
/// the script reaches its target length (when the articles hold enough). The cold open is a quotation from
/// the stories when one exists, heard again in its story. Hosts take turns sentence by sentence when there are two or more. Only the
/// intro, transitions and sign-off are the show's own words.
/// </summary>
internal sealed class OfflineScriptResponder : IOfflineResponder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string SchemaName => ScriptAnswer.SchemaName;

    public string Respond(JsonElement request)
    {
        var data = request.Deserialize<ScriptRequestData>(Json) ?? throw new ArgumentException("The script request carries no stories.");
        var hosts = data.Hosts.Count > 0 ? data.Hosts : [.. ScriptOptions.DefaultHosts];
        var lead = hosts[0];
        var stories = data.Stories.Select(s => new StoryMaterial(s)).ToList();

        var (openingStory, opening) = ColdOpen(stories);
        var lineup = string.Join("; ", data.Stories.Select(s => s.Headline.TrimEnd('.')));
        var intro = new ScriptSegment(SegmentKind.Intro, lead, $"Welcome to {data.Title} for {data.Date}. Today: {lineup}.", []);
        var outro = new ScriptSegment(SegmentKind.Outro, lead, $"That's all for {data.Title} today. Thanks for listening, and goodbye.", []);
        var transitions = data.Stories.Skip(1).Select((s, i) =>
            new ScriptSegment(SegmentKind.Transition, hosts[(i + 1) % hosts.Count], $"Next: {s.Headline.TrimEnd('.')}.", [s.Id])).ToList();

        var framing = Words(opening) + Words(intro.Text) + Words(outro.Text) + transitions.Sum(t => Words(t.Text));
        ShareOut(stories, (int)Math.Round(data.TargetMinutes * data.WordsPerMinute) - framing);

        var segments = new List<ScriptSegment> { new(SegmentKind.ColdOpen, lead, opening, [openingStory.Id]), intro };
        for (var i = 0; i < stories.Count; i++)
        {
            if (i > 0) segments.Add(transitions[i - 1]);
            var sentences = stories[i].Chosen();
            if (hosts.Count == 1)
                segments.Add(new(SegmentKind.Story, lead, string.Join(" ", sentences), [stories[i].Story.Id]));
            else
                segments.AddRange(sentences.Select((s, turn) => new ScriptSegment(SegmentKind.Story, hosts[turn % hosts.Count], s, [stories[i].Story.Id])));
        }
        var target = (int)Math.Round(data.TargetMinutes * data.WordsPerMinute);
        if (Recap(stories, target - segments.Sum(s => Words(s.Text)) - Words(outro.Text)) is { } recap)
            segments.Add(new ScriptSegment(SegmentKind.Story, lead, recap, stories.Select(s => s.Story.Id).ToList()));
        segments.Add(outro);
        return JsonSerializer.Serialize(new ScriptAnswer(data.Title, segments), Json);
    }

    /// <summary>
    /// An attributed quotation makes the best cold open. It is heard again in its story, in context, as
    /// teasers are; taking it out would leave the story's next quotation without its speaker.
    /// </summary>
    private static (ScriptStory Story, string Text) ColdOpen(List<StoryMaterial> stories)
    {
        foreach (var material in stories)
        {
            var quote = material.Sentences.FirstOrDefault(s => (s.Text.TrimStart().StartsWith('"') || s.Text.TrimStart().StartsWith('“'))
                && (s.Text.Contains(" said ", StringComparison.Ordinal) || s.Text.Contains(" says ", StringComparison.Ordinal)));
            if (quote is not null && Words(quote.Text) <= 40) return (material.Story, quote.Text);
        }
        var first = stories[0];
        var lead = first.Sentences.FirstOrDefault(s => s.Chosen) ?? first.Sentences.FirstOrDefault();
        return (first.Story, lead?.Text ?? first.Story.Headline);
    }

    /// <summary>
    /// When the articles hold less than the target, a recap of the stories' summaries (their own sentences
    /// again, as shows do before signing off) closes the gap, up to the target and not beyond.
    /// </summary>
    private static string? Recap(List<StoryMaterial> stories, int missing)
    {
        if (missing < 20) return null;
        var recap = new List<string> { "To recap." };
        var words = 2;
        var summaries = stories.Select(s => SentenceSplitter.Split(s.Story.Summary).ToList()).ToList();
        for (var i = 0; summaries.Any(s => i < s.Count); i++)
        {
            foreach (var sentence in summaries.Where(s => i < s.Count).Select(s => s[i]))
            {
                if (words + Words(sentence) > missing) return recap.Count > 1 ? string.Join(" ", recap) : null;
                recap.Add(sentence);
                words += Words(sentence);
            }
        }
        return recap.Count > 1 ? string.Join(" ", recap) : null;
    }

    /// <summary>Adds sentences, the least-filled story first, until the budget is met within 5% (never more than 5% over).</summary>
    private static void ShareOut(List<StoryMaterial> stories, int budget)
    {
        var total = stories.Sum(s => s.Words);
        while (total < budget * 0.97)
        {
            var next = stories.Where(s => s.HasMore).OrderBy(s => s.Words).FirstOrDefault();
            if (next is null) return;
            var added = next.TakeNext(maxWords: (int)(budget * 1.05) - total);
            total += added;
        }
    }

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private sealed class Sentence(string text, bool chosen)
    {
        public string Text { get; } = text;
        public bool Chosen { get; set; } = chosen;
        public bool Skipped { get; set; }
    }

    /// <summary>A story's sentences in article order; the summary's are chosen from the start.</summary>
    private sealed class StoryMaterial
    {
        public StoryMaterial(ScriptStory story)
        {
            Story = story;
            var summary = SentenceSplitter.Split(story.Summary).ToHashSet();
            Sentences = SentenceSplitter.Split(ArticleCleaner.Clean(story.Text)).Distinct().Select(s => new Sentence(s, summary.Contains(s))).ToList();
            if (!Sentences.Any(s => s.Chosen)) Sentences.InsertRange(0, summary.Select(s => new Sentence(s, true)));
        }

        public ScriptStory Story { get; }
        public List<Sentence> Sentences { get; }
        public int Words => Sentences.Where(s => s.Chosen).Sum(s => OfflineScriptResponder.Words(s.Text));
        public bool HasMore => Sentences.Any(Available);

        /// <summary>Chooses the next sentence in article order that fits; one that does not fit is skipped for good.</summary>
        public int TakeNext(int maxWords)
        {
            var next = Sentences.First(Available);
            var words = OfflineScriptResponder.Words(next.Text);
            if (words > maxWords)
            {
                next.Skipped = true;
                return 0;
            }
            next.Chosen = true;
            return words;
        }

        public List<string> Chosen()
        {
            var chosen = Sentences.Where(s => s.Chosen).Select(s => s.Text).ToList();
            return chosen.Count > 0 ? chosen : [Story.Headline];
        }

        private static bool Available(Sentence s) => !s.Chosen && !s.Skipped;
    }
}
