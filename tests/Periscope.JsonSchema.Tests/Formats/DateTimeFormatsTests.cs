using Periscope.JsonSchema.Formats;

namespace Periscope.JsonSchema.Tests.Formats;

public sealed class DateTimeFormatsTests
{
    [Theory]
    [InlineData("2024-02-29T23:59:59Z", true)]
    [InlineData("2024-02-29 23:59:59Z", false)]
    [InlineData("2023-02-29T00:00:00Z", false)]
    [InlineData("2000-02-29T00:00:00+08:00", true)]
    [InlineData("1900-02-29T00:00:00Z", false)]
    [InlineData("2024-01-01T00:00:00", false)]
    [InlineData("2024-01-01T00:00:00.Z", false)]
    [InlineData("2024-01-01T00:00:00.123456789+05:45", true)]
    [InlineData("2024-01-01T", false)]
    public void IsDateTime_Rfc3339Examples(string text, bool valid)
    {
        Assert.Equal(valid, DateTimeFormats.IsDateTime(text));
    }

    [Theory]
    [InlineData("0000-01-01", true)]
    [InlineData("2024-00-10", false)]
    [InlineData("2024-1-10", false)]
    public void IsDate_FullDateOnly(string text, bool valid)
    {
        Assert.Equal(valid, DateTimeFormats.IsDate(text));
    }

    [Theory]
    [InlineData("23:59:60Z", true)]
    [InlineData("07:59:60+08:00", true)]
    [InlineData("08:59:60+08:00", false)]
    [InlineData("07:59:60-16:00", true)]
    [InlineData("12:00:00+0800", false)]
    public void IsTime_LeapSecondOnlyAt2359Utc(string text, bool valid)
    {
        Assert.Equal(valid, DateTimeFormats.IsTime(text));
    }
}
