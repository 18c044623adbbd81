using ContentPipeline.Jobs;

namespace ContentPipeline.Tests.Jobs;

public sealed class SchedulesTests
{
    [Theory]
    [InlineData("0 7 * * *", true)]
    [InlineData("*/15 * * * *", true)]
    [InlineData("30 6 * * 1-5", true)]
    [InlineData("0 7 * * MON-FRI", true)]
    [InlineData("0 0 7 * * *", false)] // six fields: seconds are not part of the five-field format
    [InlineData("61 * * * *", false)]
    [InlineData("every morning", false)]
    [InlineData("", false)]
    public void IsCron_AcceptsFiveFieldExpressionsOnly(string expression, bool valid) => Assert.Equal(valid, Schedules.IsCron(expression));

    [Theory]
    [InlineData("UTC", true)]
    [InlineData("Europe/London", true)]
    [InlineData("America/Argentina/Buenos_Aires", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData(" ", false)]
    public void IsTimeZone_KnowsIanaIds(string id, bool valid) => Assert.Equal(valid, Schedules.IsTimeZone(id));
}
