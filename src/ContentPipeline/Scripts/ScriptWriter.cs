using System.Globalization;
using System.Text.Json;
using ContentPipeline.Llm;
using ContentPipeline.Newsletters;
using ContentPipeline.Templates;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Scripts;

/// <summary>Asks the configured model for an issue's podcast script, from templates/prompts/script.liquid.</summary>
public sealed class ScriptWriter(StructuredChat chat, TemplateStore templates, IOptions<ScriptOptions> options,
    IOptions<NewsletterOptions> newsletter, IOptions<LlmOptions> llm)
{
    public const string PromptTemplate = "prompts/script.liquid";
    private const int MaxArticleWords = 1500;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Provider => llm.Value.Provider.ToString();

    public string PromptVersion => "script-" + templates.VersionOf(PromptTemplate);

    public Task<ModelAnswer<ScriptAnswer>> WriteAsync(IReadOnlyList<ScriptStory> stories, DateTime date, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var hosts = o.HostNames.ToList();
        var instructions = templates.RenderText(PromptTemplate,
            new ScriptPromptView(newsletter.Value.Title, hosts, o.TargetMinutes, o.WordsPerMinute, (int)(o.TargetMinutes * o.WordsPerMinute)));
        var data = new ScriptRequestData(newsletter.Value.Title, date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture), hosts,
            o.TargetMinutes, o.WordsPerMinute, stories.Select(s => s with { Text = FirstWords(s.Text, MaxArticleWords) }).ToList());
        return chat.AskAsync(new StructuredRequest<ScriptAnswer>(instructions, JsonSerializer.Serialize(data, Json),
            ScriptAnswer.SchemaName, ScriptAnswer.Schema, ScriptAnswer.ValidatorFor(hosts, stories.Select(s => s.Id).ToList())),
            cancellationToken);
    }

    private static string FirstWords(string text, int count)
    {
        var words = text.Split(' ');
        return words.Length <= count ? text : string.Join(' ', words.Take(count));
    }
}

/// <summary>The values the script prompt template can use.</summary>
public sealed record ScriptPromptView(string Title, List<string> Hosts, double TargetMinutes, int WordsPerMinute, int TargetWords);
