using ContentPipeline.Data;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Issues;

public static class IssueApprovalPipeline
{
    /// <summary>The approval gate: after the stage before it, an issue waits in AwaitingApproval when Digest:RequireApproval is on.</summary>
    public static IssuePipelineBuilder ThenApproval(this IssuePipelineBuilder pipeline) =>
        pipeline.ThenGate(IssueState.AwaitingApproval, services => services.GetRequiredService<IOptions<DigestOptions>>().Value.RequireApproval);
}
