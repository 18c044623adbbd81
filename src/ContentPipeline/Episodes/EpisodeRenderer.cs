using System.Globalization;
using System.Security;
using System.Text.RegularExpressions;
using ContentPipeline.Episodes.Speech;
using ContentPipeline.Scripts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Episodes;

/// <summary>An episode made: the MP3 and what was measured and written from it.</summary>
public sealed record RenderedEpisode(byte[] Mp3, double DurationSeconds, string ChaptersJson, string Transcript, int Segments);

/// <summary>
/// Reads a script aloud: each segment synthesized in its host's voice, joined with the script's pauses, compressed and
/// normalised for podcasts (EBU R128) and encoded to MP3 with its chapters. ffmpeg and ffprobe are run directly rather
/// than through FFMpegCore: the chain is a handful of plain arguments, and a wrapper would only hide them.
/// </summary>
public sealed partial class EpisodeRenderer(ITextToSpeechClient speech, IOptions<SpeechOptions> options, IOptions<ScriptOptions> scriptOptions,
    ILogger<EpisodeRenderer> logger)
{
    /// <summary>Evens out espeak-ng's peaks so the loudness target is reached without the limiter eating the speech.</summary>
    private const string Compressor = "acompressor=threshold=0.1:ratio=4:attack=2:release=60:makeup=2.5";

    public async Task<RenderedEpisode> RenderAsync(long issueId, ScriptAnswer script, IReadOnlyList<EpisodeStory> stories, CancellationToken cancellationToken)
    {
        if (script.Segments.Count == 0 || script.Segments.All(s => string.IsNullOrWhiteSpace(s.Text)))
            throw new EpisodeException("the script has no text to read");
        var o = options.Value;
        var speed = Speed(script);
        var audio = new Wav?[script.Segments.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, script.Segments.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, ct) => audio[i] = await SynthesizeAsync(issueId, script.Segments[i], speed, ct));

        var folder = Directory.CreateTempSubdirectory("contentpipeline-episode-").FullName;
        try
        {
            var (wav, joined) = await JoinAsync(script, audio!, Path.Combine(folder, "episode.wav"), cancellationToken);
            var tempo = Tempo(script, joined[^1].End);
            var timeline = joined.Select(t => t with { Start = t.Start / tempo, End = t.End / tempo }).ToList();
            var chapters = EpisodeTimeline.Chapters(script.Title, timeline, stories, timeline[^1].End);
            var metadata = Path.Combine(folder, "chapters.txt");
            await File.WriteAllTextAsync(metadata, EpisodeFiles.FfMetadata(script.Title, chapters), cancellationToken);
            var mp3 = Path.Combine(folder, "episode.mp3");
            await EncodeAsync(wav, metadata, mp3, tempo, cancellationToken);
            var duration = await DurationAsync(mp3, cancellationToken);
            logger.LogInformation("Episode for issue {IssueId}: {Segments} segments, {Duration:0.0} s at speed {Speed:0.00}, tempo {Tempo:0.00}", issueId,
                timeline.Count, duration, speed, tempo);
            return new RenderedEpisode(await File.ReadAllBytesAsync(mp3, cancellationToken), duration, EpisodeFiles.ChaptersJson(chapters),
                EpisodeFiles.Transcript(timeline), timeline.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Script:WordsPerMinute is the pace of the whole episode, pauses included (the script's length was written for it),
    /// so the voice speaks a little faster to make room for the pauses between segments.
    /// </summary>
    internal double Speed(ScriptAnswer script)
    {
        var words = script.Segments.Sum(s => s.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        var seconds = words * 60.0 / scriptOptions.Value.WordsPerMinute;
        var pauses = script.Segments.Skip(1).Sum(s => ScriptSsml.BreakBefore(s).TotalSeconds);
        return seconds <= pauses ? 1.25 : Math.Clamp(seconds / (seconds - pauses), 1, 1.25);
    }

    /// <summary>
    /// A voice that does not keep the pace asked of it (a provider's own speaking rate, a speed it ignores) is corrected after
    /// the fact: the joined audio is stretched or squeezed by ffmpeg's atempo (pitch kept) to the length the script was
    /// written for, words at Script:WordsPerMinute. Within 3 % nothing is done; beyond 0.67 to 1.5 the voice would sound wrong.
    /// </summary>
    internal double Tempo(ScriptAnswer script, double joinedSeconds)
    {
        var words = script.Segments.Sum(s => s.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        var target = words * 60.0 / scriptOptions.Value.WordsPerMinute;
        if (target <= 0 || joinedSeconds <= 0) return 1;
        var tempo = joinedSeconds / target;
        return Math.Abs(tempo - 1) <= 0.03 ? 1 : Math.Clamp(tempo, 0.67, 1.5);
    }

    private async Task<Wav> SynthesizeAsync(long issueId, ScriptSegment segment, double speed, CancellationToken cancellationToken)
    {
        var o = scriptOptions.Value;
        var request = new TextToSpeechOptions
        {
            VoiceId = o.Voices.GetValueOrDefault(segment.Speaker),
            Speed = (float)Math.Round(speed, 2),
            Language = o.Language,
            AdditionalProperties = new() { [RecordingSpeechClient.IssueIdProperty] = issueId },
        };
        var ssml = $"<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"{SecurityElement.Escape(o.Language)}\">" +
            $"{SecurityElement.Escape(ScriptSsml.Clean(segment.Text))}</speak>";
        var response = await speech.GetAudioAsync(ssml, request, cancellationToken);
        var data = response.Contents.OfType<DataContent>().FirstOrDefault() ?? throw new EpisodeException("the voice returned no audio");
        return Wav.Parse(data.Data.Span);
    }

    private static async Task<(string Path, List<TimedSegment> Timeline)> JoinAsync(ScriptAnswer script, Wav[] audio, string path,
        CancellationToken cancellationToken)
    {
        var format = audio[0];
        if (audio.FirstOrDefault(a => !a.SameFormat(format)) is not null) throw new EpisodeException("the voices returned audio in different formats");
        var timeline = new List<TimedSegment>();
        await using var file = File.Create(path);
        var pauses = script.Segments.Select((s, i) => i == 0 ? [] : format.Silence(ScriptSsml.BreakBefore(s).TotalSeconds)).ToList();
        Wav.Write(file, format, audio.Sum(a => (long)a.Samples.Length) + pauses.Sum(p => (long)p.Length));
        long at = 0;
        for (var i = 0; i < audio.Length; i++)
        {
            await file.WriteAsync(pauses[i], cancellationToken);
            at += pauses[i].Length;
            await file.WriteAsync(audio[i].Samples, cancellationToken);
            timeline.Add(new TimedSegment(script.Segments[i], (double)at / format.BytesPerSecond, (double)(at + audio[i].Samples.Length) / format.BytesPerSecond));
            at += audio[i].Samples.Length;
        }
        return (path, timeline);
    }

    /// <summary>
    /// Two passes: measure the compressed speech's integrated loudness, then apply the gain that brings it to the target
    /// and a limiter 1.1 dB under the true-peak ceiling (the margin covers inter-sample peaks and the MP3 encoder's overshoot).
    /// </summary>
    private async Task EncodeAsync(string wav, string metadata, string mp3, double tempo, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var stretch = tempo == 1 ? "" : $"atempo={tempo.ToString("0.0000", CultureInfo.InvariantCulture)},";
        var timeout = TimeSpan.FromSeconds(o.TimeoutSeconds);
        var report = await ExternalProgram.RunAsync(o.FfmpegPath, "ffmpeg",
            ["-hide_banner", "-nostats", "-i", wav, "-af", $"{stretch}{Compressor},ebur128", "-f", "null", "-"], timeout, cancellationToken);
        var measured = IntegratedLoudness().Matches(report) is { Count: > 0 } m
            ? double.Parse(m[^1].Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new EpisodeException("ffmpeg did not report the episode's loudness");
        var gain = (o.LoudnessLufs - measured).ToString("0.00", CultureInfo.InvariantCulture);
        var limit = Math.Pow(10, (o.TruePeakDb - 1.1) / 20).ToString("0.0000", CultureInfo.InvariantCulture);
        await ExternalProgram.RunAsync(o.FfmpegPath, "ffmpeg",
        [
            "-v", "error", "-y", "-i", wav, "-i", metadata, "-map", "0:a", "-map_metadata", "1", "-map_chapters", "1",
            "-af", $"{stretch}{Compressor},volume={gain}dB,alimiter=limit={limit}:level=false:attack=2:release=50",
            "-ar", "44100", "-ac", "1", "-c:a", "libmp3lame", "-b:a", $"{o.BitrateKbps}k", "-compression_level", "7",
            "-id3v2_version", "3", "-write_id3v1", "0", mp3,
        ], timeout, cancellationToken);
    }

    private async Task<double> DurationAsync(string mp3, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var text = await ExternalProgram.RunAsync(o.FfprobePath, "ffmpeg",
            ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", mp3], TimeSpan.FromSeconds(o.TimeoutSeconds), cancellationToken);
        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : throw new EpisodeException($"ffprobe could not measure the episode: {text.Trim()}");
    }

    /// <summary>The "I: -18.8 LUFS" line of ebur128's summary.</summary>
    [GeneratedRegex(@"I:\s+(-?\d+(?:\.\d+)?) LUFS")]
    private static partial Regex IntegratedLoudness();
}
