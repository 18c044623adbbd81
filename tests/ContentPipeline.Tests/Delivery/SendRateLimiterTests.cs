using ContentPipeline.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContentPipeline.Tests.Delivery;

public sealed class SendRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Acquire_PacesMessages_ToMessagesPerSecond()
    {
        var limiter = new SendRateLimiter(Options.Create(new DeliveryOptions { MessagesPerSecond = 2 }), _clock);

        Assert.Null(await limiter.AcquireAsync(default));
        var second = limiter.AcquireAsync(default).AsTask();
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(await second);
    }

    [Fact]
    public async Task Acquire_AnswersWhenTheRollingHourAllowsMore_OnceMessagesPerHourIsReached()
    {
        var limiter = new SendRateLimiter(Options.Create(new DeliveryOptions { MessagesPerHour = 3 }), _clock);
        var start = _clock.GetUtcNow();

        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await limiter.AcquireAsync(default));
            _clock.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(start.AddHours(1), await limiter.AcquireAsync(default));
        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Null(await limiter.AcquireAsync(default));
    }

    [Fact]
    public async Task Acquire_NeverWaits_WhenUnlimited()
    {
        var limiter = new SendRateLimiter(Options.Create(new DeliveryOptions()), _clock);

        for (var i = 0; i < 1000; i++) Assert.True(limiter.AcquireAsync(default).IsCompletedSuccessfully);
        await Task.CompletedTask;
    }
}
