using ContentPipeline.Summaries.Extractive;

namespace ContentPipeline.Tests.Summaries.Extractive;

public sealed class RougeScorerTests
{
    [Fact]
    public void Score_IsPerfect_ForTheSameText()
    {
        var scores = RougeScorer.Score("The cat sat on the mat.", "The cat sat on the mat.");

        Assert.Equal(1, scores.Rouge1.F1, 9);
        Assert.Equal(1, scores.Rouge2.F1, 9);
        Assert.Equal(1, scores.RougeL.F1, 9);
    }

    [Fact]
    public void Score_IgnoresCaseAndPunctuation_IncludingRunTogetherSentences()
    {
        var scores = RougeScorer.Score("Sales hit $10.9bn. For the year, profit rose.", "sales hit $10.9bn.For the year profit rose");

        Assert.Equal(1, scores.Rouge2.F1, 9);
    }

    [Fact]
    public void Score_ClipsRepeatedNGramsToTheReferenceCount()
    {
        // Candidate unigrams: the x3, cat x1 (4); reference has "the" twice, so 3 of 4 match.
        var scores = RougeScorer.Score("the the the cat", "the cat sat on the mat");

        Assert.Equal(3.0 / 4, scores.Rouge1.Precision, 9);
        Assert.Equal(3.0 / 6, scores.Rouge1.Recall, 9);
        Assert.Equal(1.0 / 3, scores.Rouge2.Precision, 9);
        Assert.Equal(1.0 / 5, scores.Rouge2.Recall, 9);
    }

    [Fact]
    public void Score_RougeLUsesTheLongestCommonSubsequence()
    {
        var scores = RougeScorer.Score("a b c d", "a c b d e");

        Assert.Equal(3.0 / 4, scores.RougeL.Precision, 9);
        Assert.Equal(3.0 / 5, scores.RougeL.Recall, 9);
    }

    [Fact]
    public void Score_IsZero_ForAnEmptyCandidate() => Assert.Equal(0, RougeScorer.Score("", "a reference").Rouge1.F1);
}
