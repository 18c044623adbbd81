using System.Linq.Expressions;
using ContentPipeline.Data;
using Hangfire;

namespace ContentPipeline.Issues;

/// <summary>What a stage may use to set its work going: the database, the job client and the flow (to finish at once when there is nothing to do).</summary>
public sealed record IssueStageContext(AppDbContext Db, IBackgroundJobClient Jobs, IssueFlow Flow)
{
    /// <summary>Queues one job; the usual start of a stage whose work is a single job.</summary>
    public Task Enqueue<TJob>(Expression<Func<TJob, Task>> job)
    {
        Jobs.Enqueue(job);
        return Task.CompletedTask;
    }
}
