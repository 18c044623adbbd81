namespace ContentPipeline.Benchmarks.Rouge;

/// <summary>Paired bootstrap over articles: how sure a mean per-article gain is, with a fixed seed so runs compare.</summary>
internal static class Bootstrap
{
    private const int Resamples = 2000;

    /// <summary>The 5th percentile of the resampled mean: the gain is above this in 95% of resamples.</summary>
    public static double Low(IReadOnlyList<double> gains) => Percentile(gains, 0.05);

    public static double High(IReadOnlyList<double> gains) => Percentile(gains, 0.95);

    private static double Percentile(IReadOnlyList<double> gains, double p)
    {
        if (gains.Count == 0)
            return 0;
        var random = new Random(20240611);
        var means = new double[Resamples];
        for (var r = 0; r < Resamples; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < gains.Count; i++)
                sum += gains[random.Next(gains.Count)];
            means[r] = sum / gains.Count;
        }
        Array.Sort(means);
        return means[(int)(p * (Resamples - 1))];
    }
}
