namespace ContentPipeline.Summaries.Extractive;

/// <summary>Precision, recall and F1 of one ROUGE variant, each between 0 and 1.</summary>
public readonly record struct RougeScore(double Precision, double Recall, double F1)
{
    internal static RougeScore From(int overlap, int candidateTotal, int referenceTotal)
    {
        var p = candidateTotal == 0 ? 0 : (double)overlap / candidateTotal;
        var r = referenceTotal == 0 ? 0 : (double)overlap / referenceTotal;
        return new RougeScore(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}
