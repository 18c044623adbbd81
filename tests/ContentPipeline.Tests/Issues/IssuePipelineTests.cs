using System.Text.RegularExpressions;
using ContentPipeline.Data;
using ContentPipeline.Issues;
using ContentPipeline.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContentPipeline.Tests.Issues;

public sealed partial class IssuePipelineTests : IDisposable
{
    private readonly TestRoot _root = new();

    [Fact]
    public void TheProductsPipeline_ListsItsStagesInOrder_AsTheReadmeDoes()
    {
        var states = Pipeline(requireApproval: false).Steps.Select(s => s.State.ToString()).ToList();

        Assert.Equal(["Summarizing", "Scripting", "Recording", "Rendering", "AwaitingApproval", "FanningOut", "Sending"], states);
        var readme = File.ReadAllText(Path.Combine(TestRoot.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("## How an issue moves", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        Assert.Equal(states, StageLine().Matches(section).Select(m => m.Groups[1].Value).ToList());
    }

    [Theory]
    [InlineData(false, IssueState.FanningOut)]
    [InlineData(true, IssueState.AwaitingApproval)]
    public void AfterRendering_TheApprovalGateAppliesOnlyWhenConfigured(bool requireApproval, IssueState next)
    {
        using var host = Host(requireApproval);
        var pipeline = host.Services.GetRequiredService<IssuePipeline>();

        Assert.Equal(next, pipeline.Next(IssueState.Rendering, host.Services));
        Assert.Equal(IssueState.FanningOut, pipeline.Next(IssueState.AwaitingApproval, host.Services));
        Assert.Equal(IssueState.Sent, pipeline.Next(IssueState.Sending, host.Services));
        Assert.Equal(IssueState.Summarizing, pipeline.First);
    }

    [Fact]
    public void AStateListedTwice_OrAFinalState_IsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => new IssuePipelineBuilder().Then<ContentPipeline.Scripts.WriteScriptJob>().Then<ContentPipeline.Scripts.WriteScriptJob>());
        Assert.Throws<InvalidOperationException>(() => new IssuePipelineBuilder().ThenGate(IssueState.Sent, _ => true));
    }

    private IssuePipeline Pipeline(bool requireApproval)
    {
        using var host = Host(requireApproval);
        return host.Services.GetRequiredService<IssuePipeline>();
    }

    private IHost Host(bool requireApproval) => ContentPipeline.Hosting.AppHost.BuildCli([], jobServer: false, verbose: false, Program.AddFeatures, _root.Root,
        b => b.Configuration["Digest:RequireApproval"] = requireApproval ? "true" : "false");

    /// <summary>The README lists each stage as "N. **Name** (`State`)".</summary>
    [GeneratedRegex(@"^\d+\. \*\*[^*]+\*\* \(`(\w+)`\)", RegexOptions.Multiline)]
    private static partial Regex StageLine();

    public void Dispose() => _root.Dispose();
}
