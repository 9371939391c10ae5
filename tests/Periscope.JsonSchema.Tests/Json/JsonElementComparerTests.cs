using System.Text.Json;
using Periscope.JsonSchema.Json;

namespace Periscope.JsonSchema.Tests.Json;

public sealed class JsonElementComparerTests
{
    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("100", "1e2")]
    [InlineData("""{"a":1,"b":[1,{"c":null}]}""", """{"b":[1.0,{"c":null}],"a":1}""")]
    [InlineData("\"\\u00e9\"", "\"é\"")]
    public void EqualValues_AreEqualWithEqualHashes(string left, string right)
    {
        using var a = JsonDocument.Parse(left);
        using var b = JsonDocument.Parse(right);

        Assert.True(JsonElementComparer.Instance.Equals(a.RootElement, b.RootElement));
        Assert.Equal(JsonElementComparer.Instance.GetHashCode(a.RootElement), JsonElementComparer.Instance.GetHashCode(b.RootElement));
    }

    [Theory]
    [InlineData("1", "true")]
    [InlineData("0", "false")]
    [InlineData("[1,2]", "[2,1]")]
    [InlineData("""{"a":1}""", """{"a":1,"b":2}""")]
    [InlineData("\"1\"", "1")]
    public void DifferentValues_AreNotEqual(string left, string right)
    {
        using var a = JsonDocument.Parse(left);
        using var b = JsonDocument.Parse(right);

        Assert.False(JsonElementComparer.Instance.Equals(a.RootElement, b.RootElement));
    }
}
