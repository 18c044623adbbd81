using System.Text.Json;
using System.Xml.Linq;
using ContentPipeline.Ingestion;
using ContentPipeline.Llm;
using ContentPipeline.Scripts;
using ContentPipeline.Summaries.Extractive;
using ContentPipeline.Tests.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Tests.Scripts;

public sealed class OfflineScriptTests
{
    private static readonly string[] Samples = ["harbour-ferry.txt", "library-reopens.txt", "river-survey.txt"];

    [Theory]
    [InlineData(2.0)]
    [InlineData(3.5)]
    public async Task Script_MeetsTheTargetLengthWithinTenPercent_WhenTheArticlesHoldEnough(double minutes)
    {
        var script = await WriteAsync(["Alex"], minutes);

        var words = script.Segments.Sum(s => s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.InRange(words, minutes * 150 * 0.9, minutes * 150 * 1.1);
    }

    [Fact]
    public async Task AShortArticle_IsRecappedFromItsSummary_ToReachTheTarget()
    {
        var story = Stories(summarySentences: 3).Take(1).ToList();

        var script = await WriteAsync(["Alex"], 2.5, story);

        var words = script.Segments.Sum(s => s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.InRange(words, 2.5 * 150 * 0.9, 2.5 * 150 * 1.1);
        Assert.Contains(script.Segments, s => s.Text.StartsWith("To recap.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Script_HasColdOpenIntroOneStoryPerArticleTransitionsAndOutro_InThatOrder()
    {
        var script = await WriteAsync(["Alex"], 3);

        var kinds = script.Segments.Select(s => s.Kind).ToList();
        Assert.Equal([SegmentKind.ColdOpen, SegmentKind.Intro, SegmentKind.Story, SegmentKind.Transition, SegmentKind.Story,
            SegmentKind.Transition, SegmentKind.Story, SegmentKind.Outro], kinds);
        Assert.All(script.Segments.Where(s => s.Kind is SegmentKind.Story or SegmentKind.ColdOpen), s => Assert.NotEmpty(s.ArticleIds));
        Assert.Equal([1L, 2L, 3L], script.Segments.Where(s => s.Kind == SegmentKind.Story).Select(s => s.ArticleIds.Single()));
    }

    [Fact]
    public async Task StoryAndColdOpenSentences_AreSentencesOfTheirArticle()
    {
        var script = await WriteAsync(["Alex"], 3);
        var articles = Stories().ToDictionary(s => s.Id, s => SentenceSplitter.Split(ArticleCleaner.Clean(s.Text)));

        var segments = script.Segments.Where(s => s.Kind is SegmentKind.Story or SegmentKind.ColdOpen).ToList();
        Assert.Equal(4, segments.Count); // the cold open and a story per article
        foreach (var segment in segments)
        {
            var sentences = SentenceSplitter.Split(segment.Text);
            Assert.NotEmpty(sentences);
            Assert.All(sentences, sentence => Assert.Contains(sentence, articles[segment.ArticleIds.Single()]));
        }
    }

    [Fact]
    public async Task TwoHosts_TakeTurns()
    {
        var script = await WriteAsync(["Alex", "Sam"], 3);

        var stories = script.Segments.Where(s => s.Kind == SegmentKind.Story).GroupBy(s => s.ArticleIds.Single()).ToList();
        Assert.Equal([1L, 2L, 3L], stories.Select(s => s.Key));
        foreach (var story in stories)
        {
            var speakers = story.Select(s => s.Speaker).ToList();
            Assert.True(speakers.Count >= 2, $"story {story.Key} has one turn");
            Assert.All(speakers.Zip(speakers.Skip(1)), turn => Assert.NotEqual(turn.First, turn.Second));
        }
    }

    [Fact]
    public void Ssml_IsWellFormed_WithAVoicePerSegmentAndBreaksBetween_AndEscapesText()
    {
        var ssml = new ScriptSsml(Options.Create(new ScriptOptions { Voices = { ["Sam"] = "en-GB-SoniaNeural" } }));
        var script = new ScriptAnswer("Show", [
            new(SegmentKind.Intro, "Alex", "Fish & chips <cheaper> \"today\"", []),
            new(SegmentKind.Story, "Sam", "Prices fell by 5%.", [1]),
        ]);

        var document = XDocument.Parse(ssml.Render(script));

        XNamespace ns = "http://www.w3.org/2001/10/synthesis";
        Assert.Equal(ns + "speak", document.Root!.Name);
        var voices = document.Root.Elements(ns + "voice").ToList();
        Assert.Equal(["Alex", "en-GB-SoniaNeural"], voices.Select(v => v.Attribute("name")!.Value));
        Assert.Equal("Fish & chips <cheaper> \"today\"", voices[0].Value);
        Assert.Single(document.Root.Elements(ns + "break"));
    }

    private static async Task<ScriptAnswer> WriteAsync(List<string> hosts, double minutes, List<ScriptStory>? stories = null)
    {
        stories ??= Stories();
        var client = new OfflineChatClient([new OfflineScriptResponder()]);
        var data = new ScriptRequestData("The Daily Pipeline", "Saturday 28 November 2026", hosts, minutes, 150, stories);
        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, JsonSerializer.Serialize(data, JsonSerializerOptions.Web))],
            new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(ScriptAnswer.Schema, ScriptAnswer.SchemaName) });
        var script = JsonSerializer.Deserialize<ScriptAnswer>(response.Text, JsonSerializerOptions.Web)!;
        Assert.Null(ScriptAnswer.ValidatorFor(hosts, stories.Select(s => s.Id).ToList())(script));
        return script;
    }

    /// <summary>The bundled sample articles, each with its first sentences as its summary.</summary>
    private static List<ScriptStory> Stories(int summarySentences = 2) => Samples.Select((name, i) =>
    {
        var (title, text) = PlainText.FromText(File.ReadAllText(Path.Combine(TestRoot.RepositoryRoot, "src", "ContentPipeline", "Samples", name)));
        var summary = string.Join(" ", SentenceSplitter.Split(ArticleCleaner.Clean(text)).Take(summarySentences));
        return new ScriptStory(i + 1, title!, summary, null, text);
    }).ToList();
}
