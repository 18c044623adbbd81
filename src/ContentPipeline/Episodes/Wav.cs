using System.Buffers.Binary;
using System.Text;

namespace ContentPipeline.Episodes;

/// <summary>
/// PCM WAV, read and written by hand: joining the segments here (rather than in ffmpeg) gives the episode's timeline
/// in samples, so chapters and transcript cues start where the audio really does.
/// </summary>
internal sealed record Wav(int SampleRate, short Channels, short BitsPerSample, byte[] Samples)
{
    public int BytesPerSecond => SampleRate * Channels * BitsPerSample / 8;

    public double Seconds => (double)Samples.Length / BytesPerSecond;

    public static Wav Parse(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
            throw new EpisodeException("the voice's audio is not a WAV file");
        (int Rate, short Channels, short Bits)? format = null;
        for (var at = 12; at + 8 <= file.Length;)
        {
            var id = Encoding.ASCII.GetString(file.Slice(at, 4));
            var size = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(at + 4, 4));
            var body = at + 8;
            // A streamed WAV (espeak-ng --stdout) leaves the data size unknown: the data runs to the end of the file.
            if (size < 0 || body + size > file.Length) size = file.Length - body;
            if (id == "fmt ")
            {
                if (BinaryPrimitives.ReadInt16LittleEndian(file.Slice(body, 2)) != 1) throw new EpisodeException("the voice's WAV is not PCM");
                format = (BinaryPrimitives.ReadInt32LittleEndian(file.Slice(body + 4, 4)), BinaryPrimitives.ReadInt16LittleEndian(file.Slice(body + 2, 2)),
                    BinaryPrimitives.ReadInt16LittleEndian(file.Slice(body + 14, 2)));
            }
            else if (id == "data" && format is { } f)
                return new Wav(f.Rate, f.Channels, f.Bits, file.Slice(body, size).ToArray());
            at = body + size + (size & 1);
        }
        throw new EpisodeException("the voice's WAV has no audio data");
    }

    public bool SameFormat(Wav other) => SampleRate == other.SampleRate && Channels == other.Channels && BitsPerSample == other.BitsPerSample;

    /// <summary>Whole frames of silence lasting about <paramref name="seconds"/>.</summary>
    public byte[] Silence(double seconds) => new byte[(int)Math.Round(seconds * SampleRate) * Channels * BitsPerSample / 8];

    public static void Write(Stream output, Wav format, long dataBytes)
    {
        Span<byte> header = stackalloc byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], (int)(36 + dataBytes));
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(header[22..], format.Channels);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], format.SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], format.BytesPerSecond);
        BinaryPrimitives.WriteInt16LittleEndian(header[32..], (short)(format.Channels * format.BitsPerSample / 8));
        BinaryPrimitives.WriteInt16LittleEndian(header[34..], format.BitsPerSample);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[40..], (int)dataBytes);
        output.Write(header);
    }
}
