using Periscope.Functions.Invoke;

namespace Periscope.Functions.Tests.Invoke;

public sealed class InvokeSettingsTests
{
    [Theory]
    [InlineData("00:00:30", "00:05:00", "00:00:30")]
    [InlineData("00:10:00", "00:05:00", "00:04:59")]
    [InlineData("00:05:00", "00:05:00", "00:04:59")]
    [InlineData("00:00:30", "00:00:05", "00:00:04.5")]
    [InlineData("00:00:30", null, "00:00:30")]
    public void Cap_FunctionTimeout_EndsTheCallBeforeTheHostDoes(string timeout, string? functionTimeout, string expected) =>
        Assert.Equal(
            TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            InvokeSettings.Cap(TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture), functionTimeout is null ? null : TimeSpan.Parse(functionTimeout, System.Globalization.CultureInfo.InvariantCulture)));
}
