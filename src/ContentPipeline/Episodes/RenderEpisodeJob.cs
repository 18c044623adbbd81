using System.ComponentModel;
using System.Text.Json;
using ContentPipeline.Data;
using ContentPipeline.Issues;
using ContentPipeline.Jobs;
using ContentPipeline.Scripts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Episodes;

/// <summary>
/// Records the issue's podcast episode once, after its script. The newsletter never waits on audio that failed: any
/// failure is stored on the episode with its reason and the issue moves on. A rerun finds the episode there and makes
/// nothing again; a run cut short before it was stored synthesizes nothing again either (the speech cache answers).
/// </summary>
[Hangfire.AutomaticRetry(Attempts = PipelineRetry.Attempts, DelaysInSeconds = [5, 30, 120])]
public sealed class RenderEpisodeJob(AppDbContext db, IssueStories issueStories, EpisodeRenderer renderer, IOptions<SpeechOptions> options,
    IssueFlow flow, TimeProvider clock, ILogger<RenderEpisodeJob> logger) : IIssueStage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IssueState State => IssueState.Recording;

    public static Task StartAsync(IssueStageContext context, long issueId, CancellationToken cancellationToken) =>
        context.Enqueue<RenderEpisodeJob>(j => j.RunAsync(issueId, CancellationToken.None));

    [DisplayName("Record podcast episode for issue #{0}")]
    public async Task RunAsync(long issueId, CancellationToken cancellationToken)
    {
        var issue = await db.Issues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == issueId, cancellationToken);
        if (issue is not { State: IssueState.Recording }) return;

        if (!await db.Episodes.AnyAsync(e => e.IssueId == issueId, cancellationToken) && await RecordAsync(issueId, cancellationToken) is { } episode)
            await SaveOnceAsync(episode, cancellationToken);
        await flow.CompleteAsync(issueId, State, cancellationToken);
    }

    /// <summary>
    /// An admin's "record the audio again" (after changing voices, say): the new recording replaces the episode only when
    /// it succeeded, and keeps its row and recording time, so the feed's guid stays. The returned line is the job's result.
    /// </summary>
    [DisplayName("Record the podcast episode of issue #{0} again")]
    public async Task<string> RecordAgainAsync(long issueId, CancellationToken cancellationToken)
    {
        if (!await db.ScriptDrafts.AnyAsync(s => s.IssueId == issueId, cancellationToken)) return $"Issue {issueId} has no podcast script to read yet.";
        if (await RecordAsync(issueId, cancellationToken) is not { } fresh) return "Speech is off (Speech:Enabled): nothing was recorded.";
        if (fresh.State != EpisodeState.Ready) return $"The new recording failed, so the earlier episode stays: {fresh.Error}";
        var episode = await db.Episodes.SingleOrDefaultAsync(e => e.IssueId == issueId, cancellationToken);
        if (episode is null)
        {
            await SaveOnceAsync(fresh, cancellationToken);
            return $"Issue {issueId} now has an episode of {fresh.DurationSeconds:F0} s.";
        }
        (episode.State, episode.Error, episode.Audio, episode.DurationSeconds) = (EpisodeState.Ready, null, fresh.Audio, fresh.DurationSeconds);
        (episode.ChaptersJson, episode.Transcript, episode.Segments, episode.Provider) = (fresh.ChaptersJson, fresh.Transcript, fresh.Segments, fresh.Provider);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Episode of issue {IssueId} recorded again: {Seconds:F0} s", issueId, fresh.DurationSeconds);
        return $"The episode of issue {issueId} was recorded again: {fresh.DurationSeconds:F0} s.";
    }

    /// <summary>The episode, ready or failed with its reason; null when speech is off.</summary>
    private async Task<Episode?> RecordAsync(long issueId, CancellationToken cancellationToken)
    {
        var episode = new Episode { IssueId = issueId, Provider = "", CreatedAt = clock.GetUtcNow().UtcDateTime };
        try
        {
            var o = options.Value;
            if (!o.IsOn) return null;
            episode.Provider = o.Provider.ToString();
            var rendered = await renderer.RenderAsync(issueId, await ScriptAsync(issueId, cancellationToken), await StoriesAsync(issueId, cancellationToken),
                cancellationToken);
            episode.State = EpisodeState.Ready;
            episode.Audio = rendered.Mp3;
            episode.DurationSeconds = rendered.DurationSeconds;
            episode.ChaptersJson = rendered.ChaptersJson;
            episode.Transcript = rendered.Transcript;
            episode.Segments = rendered.Segments;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Anything that stops the audio (a missing program, a voice the engine lacks, a bug) stops the episode only.
            episode.State = EpisodeState.Failed;
            episode.Error = e is EpisodeException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            logger.LogWarning(e, "Episode for issue {IssueId} failed; the issue goes on without it", issueId);
        }
        return episode;
    }

    private async Task<ScriptAnswer> ScriptAsync(long issueId, CancellationToken cancellationToken)
    {
        var json = await db.ScriptDrafts.AsNoTracking().Where(s => s.IssueId == issueId).Select(s => s.SegmentsJson).SingleOrDefaultAsync(cancellationToken)
            ?? throw new EpisodeException("the issue has no podcast script to read");
        return JsonSerializer.Deserialize<ScriptAnswer>(json, Json) ?? throw new EpisodeException("the issue's podcast script is empty");
    }

    private async Task<List<EpisodeStory>> StoriesAsync(long issueId, CancellationToken cancellationToken) =>
        (await issueStories.LoadAsync(issueId, cancellationToken)).Select(s => new EpisodeStory(s.ArticleId, s.Headline, s.Url)).ToList();

    /// <summary>The issue's one episode: when two runs race, the unique index keeps the first and the second moves on.</summary>
    private async Task SaveOnceAsync(Episode episode, CancellationToken cancellationToken)
    {
        db.Episodes.Add(episode);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(episode).State = EntityState.Detached;
            if (!await db.Episodes.AsNoTracking().AnyAsync(e => e.IssueId == episode.IssueId, cancellationToken)) throw;
        }
    }
}
