using ContentPipeline.Jobs;
using ContentPipeline.Hosting;

namespace ContentPipeline.Issues;

public static class IssuesExtensions
{
    /// <summary>
    /// An issue's life: composing it from new articles, its states and the stages that move it on (listed in order by
    /// <paramref name="stages"/>), progress, approval and the daily-digest job. With the web role, daily-digest is
    /// scheduled and unfinished issues are resumed at start.
    /// </summary>
    public static IHostApplicationBuilder AddIssues(this IHostApplicationBuilder builder, HostRole role, Action<IssuePipelineBuilder> stages)
    {
        builder.Services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateDataAnnotations()
            .Validate(o => Schedules.IsCron(o.Schedule), "Digest:Schedule is not a valid five-field cron expression (for example 0 7 * * *).")
            .Validate(o => Schedules.IsTimeZone(o.TimeZone), "Digest:TimeZone is not a known IANA time zone id (for example Europe/London).")
            .ValidateOnStart();
        var pipeline = new IssuePipelineBuilder();
        stages(pipeline);
        builder.Services.AddSingleton(pipeline.Build());
        builder.Services.AddScoped<IssueFlow>();
        builder.Services.AddScoped<IssueStories>();
        builder.Services.AddScoped<IssueApproval>();
        builder.Services.AddScoped<DailyDigestJob>();
        if (role.Web) builder.Services.AddHostedService<IssueSchedule>();
        return builder;
    }
}
