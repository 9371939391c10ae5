using Microsoft.Extensions.Options;
using Periscope.Functions.Notifications;

namespace Periscope.Functions.Tests.Notifications;

public sealed class ChannelRateLimiterTests
{
    [Fact]
    public void TryAcquire_OverLimit_RefusedUntilWindowSlides()
    {
        var limiter = new ChannelRateLimiter(Options.Create(new NotificationOptions { MessagesPerWindow = 2, RateWindow = TimeSpan.FromMinutes(1) }));
        var start = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

        Assert.True(limiter.TryAcquire("a", start, out _));
        Assert.True(limiter.TryAcquire("a", start.AddSeconds(10), out _));
        Assert.False(limiter.TryAcquire("a", start.AddSeconds(20), out var freeAt));
        Assert.True(limiter.TryAcquire("b", start.AddSeconds(20), out _));
        Assert.Equal(start.AddMinutes(1), freeAt);
        Assert.True(limiter.TryAcquire("a", freeAt, out _));
    }
}
