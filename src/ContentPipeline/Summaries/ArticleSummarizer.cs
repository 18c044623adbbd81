using System.Text.Json;
using ContentPipeline.Data;
using ContentPipeline.Llm;
using ContentPipeline.Summaries.Extractive;
using ContentPipeline.Templates;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Summaries;

/// <summary>
/// Builds the summary prompt from templates/prompts/summarize.liquid and asks the configured model. An
/// article over Llm:InputTokenBudget is summarized in overlapping chunks, then the chunks' summaries are
/// summarized (map-reduce), so no call exceeds the budget.
/// </summary>
public sealed class ArticleSummarizer(StructuredChat chat, TemplateStore templates, TokenCounter tokens, IOptions<SummaryOptions> options,
    IOptions<LlmOptions> llm)
{
    public const string PromptTemplate = "prompts/summarize.liquid";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Provider => llm.Value.Provider.ToString();

    public string PromptVersion => "summarize-" + templates.VersionOf(PromptTemplate);

    public Task<ModelAnswer<SummaryAnswer>> SummarizeAsync(Article article, CancellationToken cancellationToken) =>
        SummarizeAsync(article.Title, article.Text, DefaultLength, cancellationToken);

    public async Task<ModelAnswer<SummaryAnswer>> SummarizeAsync(string? title, string text, SummaryLength length,
        CancellationToken cancellationToken)
    {
        var o = llm.Value;
        if (tokens.Count(text) <= o.InputTokenBudget) return await AskAsync(title, text, length, cancellationToken);

        var chunks = TextChunker.Chunk(SentenceSplitter.Split(text), tokens.Count, o.InputTokenBudget, o.ChunkOverlapTokens);
        var parts = await Task.WhenAll(chunks.Select(chunk => AskAsync(title, chunk, length, cancellationToken)));
        var combined = string.Join("\n", parts.Select(p => p.Value.Summary));
        var final = await SummarizeAsync(title, combined, length, cancellationToken);
        return final with
        {
            InputTokens = final.InputTokens + parts.Sum(p => p.InputTokens),
            OutputTokens = final.OutputTokens + parts.Sum(p => p.OutputTokens),
        };
    }

    private Task<ModelAnswer<SummaryAnswer>> AskAsync(string? title, string text, SummaryLength length, CancellationToken cancellationToken)
    {
        var instructions = templates.RenderText(PromptTemplate, new SummaryPromptView(length.Words is null ? length.Sentences : null, length.Words));
        var data = JsonSerializer.Serialize(new SummaryRequestData(title, text, length.Words is null ? length.Sentences : null, length.Words), Json);
        return chat.AskAsync(new StructuredRequest<SummaryAnswer>(instructions, data, SummaryAnswer.SchemaName, SummaryAnswer.Schema,
            SummaryAnswer.ValidatorFor(text)), cancellationToken);
    }

    /// <summary>Summaries:Words when set, otherwise Summaries:Sentences.</summary>
    public SummaryLength DefaultLength =>
        options.Value.Words is { } words ? SummaryLength.FromWords(words) : SummaryLength.FromSentences(options.Value.Sentences);
}

/// <summary>The values the summary prompt template can use.</summary>
public sealed record SummaryPromptView(int? Sentences, int? Words);
