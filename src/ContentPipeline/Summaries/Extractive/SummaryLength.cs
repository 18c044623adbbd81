namespace ContentPipeline.Summaries.Extractive;

/// <summary>How long a summary should be: a number of sentences, or a budget of words (whichever is set; sentences win).</summary>
public sealed record SummaryLength(int? Sentences = 3, int? Words = null)
{
    public static SummaryLength FromSentences(int sentences) => new(sentences, null);
    public static SummaryLength FromWords(int words) => new(null, words);
}
