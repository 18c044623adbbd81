using ContentPipeline.Hosting;
using ContentPipeline.Templates;

namespace ContentPipeline.Tests.Templates;

public sealed class TemplateStoreTests
{
    [Fact]
    public void Ctor_FailsWithTheFileName_WhenATemplateDoesNotParse()
    {
        var folder = Directory.CreateTempSubdirectory("templates-").FullName;
        File.WriteAllText(Path.Combine(folder, "broken.liquid"), "{% for x in items %}no end");

        var error = Assert.Throws<StartupException>(() => new TemplateStore(folder, []));

        Assert.Contains("broken.liquid", error.Message);
    }

    [Fact]
    public void VersionOf_ReadsTheVersionComment()
    {
        var folder = Directory.CreateTempSubdirectory("templates-").FullName;
        File.WriteAllText(Path.Combine(folder, "prompt.liquid"), "{%- comment -%}version: 7b{%- endcomment -%}\nHello");

        Assert.Equal("7b", new TemplateStore(folder, []).VersionOf("prompt.liquid"));
    }
}
