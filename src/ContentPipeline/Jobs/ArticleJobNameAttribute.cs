using ContentPipeline.Data;
using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;

namespace ContentPipeline.Jobs;

/// <summary>
/// Names an article's job in the dashboard by the article's title ("Summarize: Ferry strike ends"): jobs take ids,
/// so the title is looked up when the dashboard shows the job. The first job argument is the article id.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ArticleJobNameAttribute(string verb) : JobDisplayNameAttribute(verb + ": article #{0}")
{
    private const int MaxTitle = 90;

    public override string Format(DashboardContext context, Job job)
    {
        if (context is not AspNetCoreDashboardContext web || job.Args.Count == 0 || job.Args[0] is not long articleId)
            return base.Format(context, job);
        var title = web.HttpContext.RequestServices.GetRequiredService<AppDbContext>().Articles
            .Where(a => a.Id == articleId).Select(a => a.Title).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(title)) return base.Format(context, job);
        title = string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return $"{DisplayName[..DisplayName.IndexOf(':')]}: {(title.Length > MaxTitle ? title[..MaxTitle] + "…" : title)}";
    }
}
