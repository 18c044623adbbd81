using System.ComponentModel;
using System.Text.Json;
using ContentPipeline.Data;
using ContentPipeline.Issues;
using ContentPipeline.Jobs;
using ContentPipeline.Llm;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Scripts;

/// <summary>
/// Writes the issue's podcast-script draft once (a stored draft is kept on a rerun). If the model's answer
/// cannot be used, the issue goes on without a script and records why.
/// </summary>
[Hangfire.AutomaticRetry(Attempts = PipelineRetry.Attempts, DelaysInSeconds = [5, 30, 120])]
public sealed class WriteScriptJob(AppDbContext db, IssueStories issueStories, ScriptWriter writer, ScriptMarkdown markdown, ScriptSsml ssml,
    IssueFlow flow, TimeProvider clock, ILogger<WriteScriptJob> logger) : IIssueStage
{
    public static IssueState State => IssueState.Scripting;

    public static Task StartAsync(IssueStageContext context, long issueId, CancellationToken cancellationToken) =>
        context.Enqueue<WriteScriptJob>(j => j.RunAsync(issueId, CancellationToken.None));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [DisplayName("Write podcast script for issue #{0}")]
    public async Task RunAsync(long issueId, CancellationToken cancellationToken)
    {
        var issue = await db.Issues.SingleOrDefaultAsync(i => i.Id == issueId, cancellationToken);
        if (issue is not { State: IssueState.Scripting }) return;

        if (!await db.ScriptDrafts.AnyAsync(s => s.IssueId == issueId, cancellationToken))
        {
            var stories = (await issueStories.LoadAsync(issueId, cancellationToken))
                .Select(s => new ScriptStory(s.ArticleId, s.Headline, s.Summary, s.Url, s.Text)).ToList();
            try
            {
                using var scope = ModelCallScope.Begin("script", issueId: issueId);
                var answer = await writer.WriteAsync(stories, issue.CreatedAt, cancellationToken);
                var (text, words) = markdown.Render(answer.Value, stories);
                db.ScriptDrafts.Add(new ScriptDraft
                {
                    IssueId = issueId,
                    SegmentsJson = JsonSerializer.Serialize(answer.Value, Json),
                    Markdown = text,
                    Ssml = ssml.Render(answer.Value),
                    WordCount = words,
                    Provider = writer.Provider,
                    Model = answer.Model,
                    PromptVersion = writer.PromptVersion,
                    InputTokens = answer.InputTokens,
                    OutputTokens = answer.OutputTokens,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                });
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Script for issue {IssueId}: {Words} words", issueId, words);
            }
            catch (Exception e) when (ModelFailure.Is(e, cancellationToken))
            {
                issue.Error = $"script failed: {e.Message}";
                await db.SaveChangesAsync(cancellationToken);
                logger.LogWarning(e, "Script for issue {IssueId} failed; the issue goes on without one", issueId);
            }
        }
        await flow.CompleteAsync(issueId, State, cancellationToken);
    }
}
