using System.Globalization;

namespace ContentPipeline.Episodes;

/// <summary>A time in an episode as a chapter mark or a cue shows it ("1:05").</summary>
public static class EpisodeLength
{
    public static string Mark(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Floor(seconds));
        return t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }
}
