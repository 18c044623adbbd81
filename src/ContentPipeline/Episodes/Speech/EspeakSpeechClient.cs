using System.Globalization;
using System.Runtime.CompilerServices;
using ContentPipeline.Scripts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Episodes.Speech;

/// <summary>
/// The offline voice: Debian's espeak-ng, run once per request as its own process (GPL; never linked). The text is an
/// SSML document (-m), the voice is an espeak-ng voice name, and the answer is the WAV espeak-ng writes. Speed 1 is
/// Script:WordsPerMinute, passed as -s: espeak-ng's rate is in words per minute and it keeps it (measured on the
/// samples: 149 words a minute at -s 150, 174 at -s 175, pauses at commas and full stops included).
/// </summary>
public sealed class EspeakSpeechClient(IOptions<SpeechOptions> options, IOptions<ScriptOptions> script) : ITextToSpeechClient
{
    public const string ProviderName = "espeak-ng";

    public async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? speech = null, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var voice = speech?.VoiceId ?? o.OfflineVoice;
        var rate = (int)Math.Round(script.Value.WordsPerMinute * (speech?.Speed ?? 1f));
        var file = Path.Combine(Path.GetTempPath(), $"contentpipeline-speech-{Guid.NewGuid():N}.wav");
        try
        {
            await ExternalProgram.RunAsync(o.EspeakPath, "espeak-ng",
                ["-m", "-v", voice, "-s", rate.ToString(CultureInfo.InvariantCulture), "-w", file, "--stdin"],
                TimeSpan.FromSeconds(o.TimeoutSeconds), cancellationToken, stdin: text);
            if (!File.Exists(file)) throw new EpisodeException($"espeak-ng wrote no audio for voice '{voice}'");
            var audio = await File.ReadAllBytesAsync(file, cancellationToken);
            return new TextToSpeechResponse([new DataContent(audio, "audio/wav")]) { ModelId = ProviderName };
        }
        catch (EpisodeException e)
        {
            throw new EpisodeException($"speech for voice '{voice}': {e.Message}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(string text, TextToSpeechOptions? speech = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetAudioAsync(text, speech, cancellationToken);
        foreach (var update in response.ToTextToSpeechResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(TextToSpeechClientMetadata) ? new TextToSpeechClientMetadata(ProviderName, null, ProviderName)
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }
}
