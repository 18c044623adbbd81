using ContentPipeline.Tests.TestSupport;

namespace ContentPipeline.Tests.Summaries.Extractive;

/// <summary>Reads the hand-written articles in tests/ContentPipeline.Tests/Fixtures/Articles.</summary>
internal static class ArticleFixtures
{
    // Read from the source tree rather than copied to the output, so the shared test csproj stays untouched.
    private static readonly string Directory = Path.Combine(TestRoot.RepositoryRoot, "tests", "ContentPipeline.Tests", "Fixtures", "Articles");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    /// <summary>Splits a fixture whose first line is its title into title and body.</summary>
    public static (string Title, string Body) ReadTitled(string name)
    {
        var text = Read(name);
        var newline = text.IndexOf('\n');
        return (text[..newline].Trim(), text[(newline + 1)..]);
    }
}
