using Cronos;

namespace ContentPipeline.Jobs;

/// <summary>Checks for the schedules in settings, so a bad one stops every command at start (options validation), not the first run.</summary>
public static class Schedules
{
    /// <summary>A five-field cron expression, parsed by Cronos (the parser Hangfire itself uses).</summary>
    public static bool IsCron(string? expression) =>
        !string.IsNullOrWhiteSpace(expression) && CronExpression.TryParse(expression, CronFormat.Standard, out _);

    public static bool IsTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return false;
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
