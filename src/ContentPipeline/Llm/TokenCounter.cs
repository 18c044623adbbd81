using Microsoft.ML.Tokenizers;

namespace ContentPipeline.Llm;

/// <summary>Counts tokens the way current OpenAI models do (o200k_base), to keep prompts within Llm:InputTokenBudget.</summary>
public sealed class TokenCounter
{
    private readonly Lazy<Tokenizer> _tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public int Count(string text) => _tokenizer.Value.CountTokens(text);
}
