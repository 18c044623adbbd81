using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContentPipeline.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Episodes.Speech;

/// <summary>
/// Records every synthesis in SpeechCalls and answers one it has made before from there, so re-running an episode (a
/// retry, a resume) makes no new call. The key covers provider, model, voice, speed, language and the text. The
/// request's "issueId" property, when set, is recorded and is not part of the key.
/// A provider's layer may say how many characters it was paid for (CharactersProperty on the response: the plain text,
/// not the SSML); otherwise the text's length is recorded.
/// </summary>
public sealed class RecordingSpeechClient(ITextToSpeechClient inner, IServiceScopeFactory scopes, IOptions<SpeechOptions> options,
    TimeProvider clock, ILogger<RecordingSpeechClient> logger) : DelegatingTextToSpeechClient(inner)
{
    public const string IssueIdProperty = "issueId";
    public const string CharactersProperty = "characters";

    public override async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? speech = null,
        CancellationToken cancellationToken = default)
    {
        var provider = options.Value.Provider.ToString();
        var model = speech?.ModelId ?? InnerClient.GetService<TextToSpeechClientMetadata>()?.DefaultModelId ?? provider;
        var voice = speech?.VoiceId ?? "";
        var key = CacheKey(provider, model, voice, speech, text);
        await using (var services = scopes.CreateAsyncScope())
        {
            var db = services.ServiceProvider.GetRequiredService<AppDbContext>();
            var cached = await db.SpeechCalls.AsNoTracking()
                .Where(c => c.CacheKey == key && c.Outcome == SpeechCallOutcome.Succeeded && c.Audio != null)
                .OrderByDescending(c => c.Id).Select(c => new { c.Audio, c.MediaType, c.Model }).FirstOrDefaultAsync(cancellationToken);
            if (cached is not null)
                return new TextToSpeechResponse([new DataContent(cached.Audio!, cached.MediaType ?? "audio/wav")]) { ModelId = cached.Model };
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.GetAudioAsync(text, speech, cancellationToken);
            var audio = response.Contents.OfType<DataContent>().FirstOrDefault()
                ?? throw new EpisodeException($"the {provider} voice returned no audio");
            await RecordAsync(new SpeechCall
            {
                CacheKey = key, Provider = provider, Model = response.ModelId ?? model, Voice = voice, Outcome = SpeechCallOutcome.Succeeded,
                Audio = audio.Data.ToArray(), MediaType = audio.MediaType,
                Characters = response.AdditionalProperties?.TryGetValue(CharactersProperty, out var n) == true && n is int billed ? billed : text.Length,
            }, speech, started);
            return response;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await RecordAsync(new SpeechCall
            {
                CacheKey = key, Provider = provider, Model = model, Voice = voice, Outcome = SpeechCallOutcome.Failed, Error = e.Message,
                Characters = text.Length,
            }, speech, started);
            throw;
        }
    }

    private async Task RecordAsync(SpeechCall call, TextToSpeechOptions? speech, long started)
    {
        call.IssueId = speech?.AdditionalProperties?.TryGetValue(IssueIdProperty, out var id) == true && id is long issueId ? issueId : null;
        call.DurationMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        call.CreatedAt = clock.GetUtcNow().UtcDateTime;
        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<AppDbContext>();
        db.SpeechCalls.Add(call);
        // Recorded even when the job is being cancelled: the call was made (and, with a paid voice, paid for).
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Speech for issue {IssueId} with {Provider} voice {Voice}: {Outcome}, {Characters} characters in {DurationMs} ms",
            call.IssueId, call.Provider, call.Voice, call.Outcome, call.Characters, call.DurationMs);
    }

    private static string CacheKey(string provider, string model, string voice, TextToSpeechOptions? speech, string text)
    {
        var request = JsonSerializer.Serialize(new { provider, model, voice, speed = speech?.Speed, language = speech?.Language, format = speech?.AudioFormat, text });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request)));
    }
}
