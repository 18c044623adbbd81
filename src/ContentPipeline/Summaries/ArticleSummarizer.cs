using System.Text.Json;
using ContentPipeline.Data;
using ContentPipeline.Llm;
using ContentPipeline.Templates;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Summaries;

/// <summary>Builds the summary prompt from templates/prompts/summarize.liquid and asks the configured model.</summary>
public sealed class ArticleSummarizer(StructuredChat chat, TemplateStore templates, IOptions<SummaryOptions> options,
    IOptions<LlmOptions> llm)
{
    public const string PromptTemplate = "prompts/summarize.liquid";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Provider => llm.Value.Provider.ToString();

    public string PromptVersion => "summarize-" + templates.VersionOf(PromptTemplate);

    public Task<ModelAnswer<SummaryAnswer>> SummarizeAsync(Article article, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var words = o.Words;
        var sentences = words is null ? o.Sentences : (int?)null;
        var instructions = templates.RenderText(PromptTemplate, new SummaryPromptModel(sentences, words));
        var data = JsonSerializer.Serialize(new SummaryRequestData(article.Id, article.Title, article.Text, sentences, words), Json);
        return chat.AskAsync(new StructuredRequest<SummaryAnswer>(instructions, data, SummaryAnswer.SchemaName,
            SummaryAnswer.Schema, SummaryAnswer.Validate), cancellationToken);
    }
}

/// <summary>The values the summary prompt template can use.</summary>
public sealed record SummaryPromptModel(int? Sentences, int? Words);
