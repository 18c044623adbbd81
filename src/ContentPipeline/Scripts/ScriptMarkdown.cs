using ContentPipeline.Templates;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Scripts;

/// <summary>Renders a script for producers (templates/script.md.liquid): segments with estimated start times and durations, and show notes.</summary>
public sealed class ScriptMarkdown(TemplateStore templates, IOptions<ScriptOptions> options)
{
    public const string Template = "script.md.liquid";

    public (string Markdown, int Words) Render(ScriptAnswer script, IReadOnlyList<ScriptStory> stories)
    {
        var wpm = options.Value.WordsPerMinute;
        var seconds = 0.0;
        var segments = new List<ScriptSegmentView>();
        var words = 0;
        foreach (var s in script.Segments)
        {
            var count = s.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            var duration = count * 60.0 / wpm;
            segments.Add(new ScriptSegmentView(s.Kind, s.Speaker, s.Text, Clock(seconds), Clock(duration), count,
                stories.Where(st => s.ArticleIds.Contains(st.Id)).Select(st => st.Headline).ToList()));
            seconds += duration;
            words += count;
        }
        var notes = stories.Select(s => new ShowNote(s.Headline, s.Url)).ToList();
        var model = new ScriptView(script.Title, segments, notes, Clock(seconds), words, wpm);
        return (templates.RenderText(Template, model), words);
    }

    private static string Clock(double seconds) => TimeSpan.FromSeconds(Math.Round(seconds)).ToString(@"m\:ss");
}

public sealed record ScriptView(string Title, List<ScriptSegmentView> Segments, List<ShowNote> ShowNotes, string Duration, int Words, int WordsPerMinute);
public sealed record ScriptSegmentView(string Kind, string Speaker, string Text, string Start, string Duration, int Words, List<string> Sources);
public sealed record ShowNote(string Headline, string? Url);
