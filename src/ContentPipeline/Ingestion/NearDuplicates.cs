using System.Text.RegularExpressions;

namespace ContentPipeline.Ingestion;

/// <summary>
/// MinHash signatures of a text's five-word shingles: the share of equal slots in two signatures
/// estimates the Jaccard similarity of the texts, so the same story from two feeds (rewrapped, retitled,
/// with a line added) is recognised without comparing whole texts.
/// </summary>
public static partial class NearDuplicates
{
    private const int Slots = 64;
    private const int ShingleWords = 5;

    public static byte[] Signature(string text)
    {
        var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();
        var mins = new uint[Slots];
        Array.Fill(mins, uint.MaxValue);
        // A text shorter than one shingle is one shingle of all its words.
        var shingles = Math.Max(1, words.Length - ShingleWords + 1);
        for (var i = 0; i < shingles; i++)
        {
            var shingle = Fnv1a(words.AsSpan(i, Math.Min(ShingleWords, words.Length - i)));
            for (var slot = 0; slot < Slots; slot++)
            {
                var h = (uint)(Mix(shingle ^ Seeds[slot]) >> 32);
                if (h < mins[slot]) mins[slot] = h;
            }
        }
        var bytes = new byte[Slots * 4];
        Buffer.BlockCopy(mins, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    /// <summary>Estimated Jaccard similarity, 0 to 1.</summary>
    public static double Similarity(byte[] a, byte[] b)
    {
        if (a.Length != b.Length || a.Length == 0) return 0;
        var same = 0;
        for (var i = 0; i < a.Length; i += 4)
            if (BitConverter.ToUInt32(a, i) == BitConverter.ToUInt32(b, i)) same++;
        return same / (a.Length / 4.0);
    }

    private static readonly ulong[] Seeds = Enumerable.Range(1, Slots).Select(i => Mix((ulong)i * 0x9E3779B97F4A7C15UL)).ToArray();

    private static ulong Fnv1a(ReadOnlySpan<string> words)
    {
        var hash = 14695981039346656037UL;
        foreach (var word in words)
        {
            foreach (var c in word) hash = (hash ^ c) * 1099511628211UL;
            hash = (hash ^ ' ') * 1099511628211UL;
        }
        return hash;
    }

    /// <summary>SplitMix64's finaliser: spreads one 64-bit value over all bits.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    [GeneratedRegex(@"[\p{L}\p{Nd}]+")]
    private static partial Regex Word();
}
