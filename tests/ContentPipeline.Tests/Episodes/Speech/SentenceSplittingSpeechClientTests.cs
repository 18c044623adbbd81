using ContentPipeline.Episodes.Speech;

namespace ContentPipeline.Tests.Episodes.Speech;

public sealed class SentenceSplittingSpeechClientTests
{
    [Fact]
    public void Split_PacksWholeSentencesUnderTheLimit_AndCutsAnOverlongSentenceAtASpace()
    {
        var text = "One two three. Four five six! Seven eight nine ten eleven twelve thirteen fourteen. End?";

        var parts = SentenceSplittingSpeechClient.Split(text, 30).ToList();

        Assert.All(parts, p => Assert.InRange(p.Length, 1, 30));
        Assert.Equal(["One two three. Four five six!", "Seven eight nine ten eleven", "twelve thirteen fourteen. End?"], parts);
        Assert.Equal(text, string.Join(' ', parts));
    }

    [Fact]
    public void Split_LeavesTextUnderTheLimitWhole()
    {
        Assert.Equal(["Short. Text."], SentenceSplittingSpeechClient.Split("Short. Text.", 4096));
    }

    [Fact]
    public void PlainText_IsTheTextInsideTheRenderersSsml_Unescaped()
    {
        var ssml = "<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"en\">Fish &amp; chips &lt;today&gt;.</speak>";

        Assert.Equal("Fish & chips <today>.", SentenceSplittingSpeechClient.PlainText(ssml));
    }
}
