namespace ContentPipeline.Llm;

/// <summary>
/// What the model calls made inside this scope are for (an article, an issue), so they are recorded and
/// costed against it. Flows with the async call, not through the provider's request.
/// </summary>
public sealed record ModelCallScope(string Purpose, long? ArticleId = null, long? IssueId = null)
{
    private static readonly AsyncLocal<ModelCallScope?> CurrentScope = new();

    public static ModelCallScope Current => CurrentScope.Value ?? new ModelCallScope("unspecified");

    public static IDisposable Begin(string purpose, long? articleId = null, long? issueId = null)
    {
        var previous = CurrentScope.Value;
        CurrentScope.Value = new ModelCallScope(purpose, articleId, issueId);
        return new Restore(previous);
    }

    private sealed class Restore(ModelCallScope? previous) : IDisposable
    {
        public void Dispose() => CurrentScope.Value = previous;
    }
}
