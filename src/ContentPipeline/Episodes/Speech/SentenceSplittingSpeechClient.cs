using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Episodes.Speech;

/// <summary>
/// What a speech endpoint over HTTP needs that espeak-ng does not: plain text rather than the renderer's SSML, at most
/// Speech:MaxInputCharacters per request (longer text is split at sentence boundaries and the answers joined), and WAV
/// answers the renderer can join. An answer that is not WAV fails here, inside the recording layer, so it is recorded
/// as a failure with its reason and never cached as audio.
/// </summary>
public sealed partial class SentenceSplittingSpeechClient(ITextToSpeechClient inner, IOptions<SpeechOptions> options)
    : DelegatingTextToSpeechClient(inner)
{
    public const string Format = "wav";

    public override async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? speech = null,
        CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var request = speech?.Clone() ?? new TextToSpeechOptions();
        request.AudioFormat = Format;
        var parts = new List<Wav>();
        string? model = null;
        var plain = PlainText(text);
        foreach (var part in Split(plain, o.MaxInputCharacters))
        {
            var response = await base.GetAudioAsync(part, request, cancellationToken);
            model ??= response.ModelId;
            var data = response.Contents.OfType<DataContent>().FirstOrDefault() ?? throw new EpisodeException($"the {o.Provider} voice returned no audio");
            parts.Add(ParseWav(data.Data.Span, o.Provider));
        }
        if (parts.Count == 0) throw new EpisodeException("the segment has no text to read");
        if (parts.Any(p => !p.SameFormat(parts[0]))) throw new EpisodeException($"the {o.Provider} voice returned the parts of a segment in different formats");
        using var joined = new MemoryStream();
        Wav.Write(joined, parts[0], parts.Sum(p => (long)p.Samples.Length));
        foreach (var p in parts) joined.Write(p.Samples);
        return new TextToSpeechResponse([new DataContent(joined.ToArray(), "audio/wav")])
        {
            ModelId = model,
            AdditionalProperties = new() { [RecordingSpeechClient.CharactersProperty] = plain.Length },
        };
    }

    /// <summary>The renderer's SSML as the text inside it: these endpoints read markup aloud.</summary>
    internal static string PlainText(string text) => WebUtility.HtmlDecode(Tag().Replace(text, " ")).Trim();

    /// <summary>Whole sentences packed into parts of at most <paramref name="max"/> characters; a longer sentence is cut at a space.</summary>
    internal static IEnumerable<string> Split(string text, int max)
    {
        var part = new StringBuilder();
        foreach (var sentence in SentenceEnd().Split(text).Where(s => s.Length > 0))
        {
            if (part.Length > 0 && part.Length + 1 + sentence.Length > max)
            {
                yield return part.ToString();
                part.Clear();
            }
            var rest = sentence;
            while (rest.Length > max)
            {
                var cut = rest.LastIndexOf(' ', max - 1);
                if (cut <= 0) cut = max;
                yield return rest[..cut].TrimEnd();
                rest = rest[cut..].TrimStart();
            }
            if (part.Length > 0) part.Append(' ');
            part.Append(rest);
        }
        if (part.Length > 0) yield return part.ToString();
    }

    private static Wav ParseWav(ReadOnlySpan<byte> audio, SpeechProvider provider)
    {
        try
        {
            return Wav.Parse(audio);
        }
        catch (EpisodeException e)
        {
            var start = new string(Encoding.UTF8.GetString(audio[..Math.Min(audio.Length, 60)]).Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
            throw new EpisodeException($"the {provider} voice's answer is not usable audio ({e.Message}; {audio.Length} bytes" +
                (start.Length > 0 ? $" beginning \"{start}\")" : ")"));
        }
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<=[.!?…][""'”’)]*)\s+")]
    private static partial Regex SentenceEnd();
}
