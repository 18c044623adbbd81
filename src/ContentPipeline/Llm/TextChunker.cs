namespace ContentPipeline.Llm;

/// <summary>
/// Splits sentences into chunks of at most <c>budget</c> tokens; each chunk starts with the last sentences
/// of the one before (about <c>overlap</c> tokens), so no statement loses its context at a cut.
/// </summary>
public static class TextChunker
{
    public static List<string> Chunk(IReadOnlyList<string> sentences, Func<string, int> tokens, int budget, int overlap)
    {
        var chunks = new List<string>();
        var current = new List<(string Text, int Tokens)>();
        var size = 0;
        foreach (var sentence in sentences.SelectMany(s => SplitOversized(s, tokens, budget)))
        {
            var count = tokens(sentence) + 1;
            if (size + count > budget && current.Count > 0)
            {
                chunks.Add(string.Join(" ", current.Select(c => c.Text)));
                var carried = new List<(string, int)>();
                var carriedSize = 0;
                for (var i = current.Count - 1; i >= 0 && carriedSize + current[i].Tokens <= overlap; i--)
                {
                    carried.Insert(0, current[i]);
                    carriedSize += current[i].Tokens;
                }
                (current, size) = (carried, carriedSize);
            }
            current.Add((sentence, count));
            size += count;
        }
        if (current.Count > 0) chunks.Add(string.Join(" ", current.Select(c => c.Text)));
        return chunks;
    }

    /// <summary>A "sentence" longer than the budget (a table, a list without stops) is cut at word boundaries.</summary>
    private static IEnumerable<string> SplitOversized(string sentence, Func<string, int> tokens, int budget)
    {
        if (tokens(sentence) < budget) return [sentence];
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var perPiece = Math.Max(1, budget / 2);
        return words.Chunk(perPiece).Select(w => string.Join(' ', w));
    }
}
