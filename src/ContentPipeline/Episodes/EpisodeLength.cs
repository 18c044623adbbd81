using System.Globalization;

namespace ContentPipeline.Episodes;

/// <summary>An episode's length as readers see it ("4 min 52 s") and as a chapter mark ("1:05").</summary>
public static class EpisodeLength
{
    public static string Spoken(double seconds)
    {
        var total = (long)Math.Round(seconds);
        return total < 60 ? $"{total} s" : string.Create(CultureInfo.InvariantCulture, $"{total / 60} min {total % 60} s");
    }

    public static string Mark(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Floor(seconds));
        return t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }
}
