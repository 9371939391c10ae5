using Periscope.Functions.Calls;

namespace Periscope.Functions.Tests.Calls;

public sealed class Rfc3339Tests
{
    [Theory]
    [InlineData("2026-11-22T08:00:00Z", "2026-11-22T08:00:00+00:00")]
    [InlineData("2026-11-22t08:00:00.1234567z", "2026-11-22T08:00:00.1234567+00:00")]
    [InlineData("2026-11-22T16:00:00+08:00", "2026-11-22T08:00:00+00:00")]
    [InlineData("2026-11-22T16:00:00 08:00", "2026-11-22T08:00:00+00:00")]
    [InlineData("2026-11-22T03:00:00-05:00", "2026-11-22T08:00:00+00:00")]
    public void TryParse_DateTime_ReadsTheInstant(string text, string expected)
    {
        Assert.True(Rfc3339.TryParse(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("2026-11-22T08:00:00")]
    [InlineData("2026-11-22")]
    [InlineData("2026-11-22 08:00:00Z")]
    [InlineData("2026-13-22T08:00:00Z")]
    [InlineData("2026-11-22T08:00:00Z\n")]
    [InlineData("1732262400")]
    [InlineData("")]
    public void TryParse_NotAnRfc3339DateTimeWithOffset_IsFalse(string text) =>
        Assert.False(Rfc3339.TryParse(text, out _));
}
