using Periscope.Sidecar.Configuration;

namespace Periscope.Sidecar.Tests.Configuration;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("100ms", 100)]
    [InlineData("30s", 30_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("5m", 300_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1m0.5s", 60_500)]
    [InlineData("00:00:30", 30_000)]
    public void TryParse_GoStyleOrTimeSpan_ReturnsDuration(string text, int expectedMilliseconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("10 s")]
    [InlineData("5d")]
    [InlineData("-5s")]
    [InlineData("1.2.3s")]
    [InlineData("99999999999h")]
    public void TryParse_NotADuration_ReturnsFalse(string text) => Assert.False(Durations.TryParse(text, out _));
}
