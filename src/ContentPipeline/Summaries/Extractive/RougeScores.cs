namespace ContentPipeline.Summaries.Extractive;

/// <summary>ROUGE-1, ROUGE-2 and ROUGE-L of one candidate against one reference.</summary>
public sealed record RougeScores(RougeScore Rouge1, RougeScore Rouge2, RougeScore RougeL);
