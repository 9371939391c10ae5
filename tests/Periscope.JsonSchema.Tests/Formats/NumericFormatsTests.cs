using System.Text.Json;
using Periscope.JsonSchema.Formats;
using Periscope.JsonSchema.Json;

namespace Periscope.JsonSchema.Tests.Formats;

public sealed class NumericFormatsTests
{
    [Theory]
    [InlineData("2147483647", true)]
    [InlineData("-2147483648", true)]
    [InlineData("2147483648", false)]
    [InlineData("1.0", true)]
    [InlineData("1.5", false)]
    public void IsInt32_SignedThirtyTwoBitRange(string number, bool valid)
    {
        Assert.Equal(valid, NumericFormats.IsInt32(Parse(number)));
    }

    [Theory]
    [InlineData("9223372036854775807", true)]
    [InlineData("9223372036854775808", false)]
    [InlineData("-9223372036854775808", true)]
    [InlineData("1e30", false)]
    public void IsInt64_SignedSixtyFourBitRange(string number, bool valid)
    {
        Assert.Equal(valid, NumericFormats.IsInt64(Parse(number)));
    }

    [Theory]
    [InlineData("3.4e38", true, true)]
    [InlineData("3.5e38", false, true)]
    [InlineData("1e400", false, false)]
    public void IsFloatAndIsDouble_FiniteWithinRange(string number, bool isFloat, bool isDouble)
    {
        Assert.Equal((isFloat, isDouble), (NumericFormats.IsFloat(Parse(number)), NumericFormats.IsDouble(Parse(number))));
    }

    private static JsonNumber Parse(string number)
    {
        using var document = JsonDocument.Parse(number);
        return JsonNumber.From(document.RootElement);
    }
}
