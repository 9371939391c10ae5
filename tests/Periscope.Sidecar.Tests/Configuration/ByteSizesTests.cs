using Periscope.Sidecar.Configuration;

namespace Periscope.Sidecar.Tests.Configuration;

public sealed class ByteSizesTests
{
    [Theory]
    [InlineData("1048576", 1_048_576)]
    [InlineData("512Ki", 524_288)]
    [InlineData("512KiB", 524_288)]
    [InlineData("10MiB", 10_485_760)]
    [InlineData("1Gi", 1_073_741_824)]
    public void TryParse_BytesOrBinarySuffix_ReturnsBytes(string text, long expected)
    {
        Assert.True(ByteSizes.TryParse(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MiB")]
    [InlineData("10MB")]
    [InlineData("10Ti")]
    [InlineData("-1")]
    [InlineData("99999999999999Gi")]
    public void TryParse_NotASize_ReturnsFalse(string text) => Assert.False(ByteSizes.TryParse(text, out _));
}
