using System.Text.Json;
using Periscope.JsonSchema.Json;

namespace Periscope.JsonSchema.Tests.Json;

public sealed class JsonNumberTests
{
    [Theory]
    [InlineData("1.0", true)]
    [InlineData("-0", true)]
    [InlineData("1e2", true)]
    [InlineData("1.5", false)]
    [InlineData("1e-30", false)]
    [InlineData("1e300", true)]
    public void IsInteger_ByValueNotBySpelling(string text, bool expected)
    {
        Assert.Equal(expected, Parse(text).IsInteger);
    }

    [Fact]
    public void From_ValueDecimalWouldRound_KeepsTheDouble()
    {
        var tiny = Parse("1e-30");

        Assert.Null(tiny.Decimal);
        Assert.Equal(1e-30, tiny.Double);
    }

    [Theory]
    [InlineData("0.3", "0.1", true)]
    [InlineData("1e308", "0.123456789", false)]
    [InlineData("12391239123", "1e-8", true)]
    public void IsMultipleOf_DecimalSafe(string value, string divisor, bool multiple)
    {
        Assert.Equal(multiple, Parse(value).IsMultipleOf(Parse(divisor)));
    }

    [Fact]
    public void CompareTo_MixedDecimalAndDouble_UsesTheDoubles()
    {
        Assert.True(Parse("1e30").CompareTo(Parse("99")) > 0);
        Assert.Equal(0, Parse("2.50").CompareTo(Parse("2.5")));
    }

    private static JsonNumber Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        return JsonNumber.From(document.RootElement);
    }
}
