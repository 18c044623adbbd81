using ContentPipeline.Ingestion;

namespace ContentPipeline.Tests.Ingestion;

public sealed class CanonicalUrlTests
{
    [Theory]
    [InlineData("HTTPS://News.Example.ORG:443/a/b?utm_source=x&id=3&fbclid=abc#top", "https://news.example.org/a/b?id=3")]
    [InlineData("http://news.example.org/a?gclid=1&utm_medium=email", "http://news.example.org/a")]
    [InlineData("https://news.example.org:8443/a", "https://news.example.org:8443/a")]
    public void From_LowercasesHost_DropsFragmentDefaultPortAndTracking(string input, string expected)
    {
        Assert.Equal(expected, CanonicalUrl.From(input));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public void From_RefusesAnythingButHttp(string input)
    {
        Assert.Null(CanonicalUrl.From(input));
    }
}
