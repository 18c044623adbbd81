namespace ContentPipeline.Summaries.Extractive;

/// <summary>Weights of the sentence ranking: constants, not settings (the rouge benchmark tunes them). Defaults were tuned for ROUGE on half of the BBC evaluation set and checked on the other half.</summary>
public sealed record ExtractiveWeights
{
    public static ExtractiveWeights Default { get; } = new();

    /// <summary>Weight of LexRank centrality: how much the rest of the article echoes a sentence.</summary>
    public double Centrality { get; init; } = 0.25;

    /// <summary>Weight of centrality over a graph of shared words, blind to how rare the words are.</summary>
    public double OverlapCentrality { get; init; } = 1.0;

    /// <summary>Weight of density: how frequent in the article a sentence's terms are on average.</summary>
    public double Density { get; init; } = 0.3;

    /// <summary>Weight of similarity to the title, when there is one.</summary>
    public double Title { get; init; } = 0.2;

    /// <summary>Weight of the lead prior (1 / position). Off by default: centrality already finds the lead when it
    /// matters and the prior cost ROUGE on the tuning half; raise it for sources whose openings are the gist.</summary>
    public double Position { get; init; } = 0;

    /// <summary>Exponent on relative sentence length for a very short summary: above 0 favours sentences that say more.
    /// It fades as the summary takes more of the article (see <see cref="LengthBiasFalloff"/>).</summary>
    public double LengthBias { get; init; } = 1.0;

    /// <summary>How fast the length bias fades as the summary takes more of the article: it is scaled by
    /// (1 - coverage)^falloff, coverage being summary sentences over article sentences (or words over words).
    /// A summary that is a small part of its article needs every slot to say a lot, so long sentences pay;
    /// one that takes a large part needs the right sentences, and a pull towards long ones only costs precision.
    /// 0 keeps the bias fixed.</summary>
    public double LengthBiasFalloff { get; init; } = 3;

    /// <summary>How strongly a candidate is penalised for repeating an already chosen sentence (MMR).</summary>
    public double Redundancy { get; init; } = 0.25;

    /// <summary>Sentences shorter than this many words are rarely worth a summary slot.</summary>
    public int MinWords { get; init; } = 6;

    /// <summary>
    /// Penalty for a sentence that opens with a reference back ("It", "They", "But") when the sentence before it
    /// is not in the summary: read in article order it would dangle. 0 turns it off.
    /// </summary>
    public double Dangling { get; init; } = 0.05;

    /// <summary>PageRank damping factor for centrality.</summary>
    public double Damping { get; init; } = 0.85;
}
