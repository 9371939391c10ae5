using System.Text.Json.Nodes;
using Periscope.OpenApi.Json;

namespace Periscope.OpenApi.Tests.Json;

public sealed class JsonFieldsTests
{
    private static readonly JsonNode Owner = JsonNode.Parse("""{"s":"text","n":1,"t":true,"f":false,"tags":["a",2,"b",null]}""")!;

    [Fact]
    public void String_StringOrOtherField_ReturnsOnlyStrings()
    {
        Assert.Equal("text", JsonFields.String(Owner, "s"));
        Assert.Null(JsonFields.String(Owner, "n"));
        Assert.Null(JsonFields.String(Owner, "missing"));
        Assert.Null(JsonFields.String(JsonNode.Parse("[1]"), "s"));
    }

    [Fact]
    public void IsTrue_OnlyLiteralTrue_IsTrue()
    {
        Assert.True(JsonFields.IsTrue(Owner, "t"));
        Assert.False(JsonFields.IsTrue(Owner, "f"));
        Assert.False(JsonFields.IsTrue(Owner, "s"));
        Assert.False(JsonFields.IsTrue(Owner, "missing"));
    }

    [Fact]
    public void Strings_MixedArray_KeepsTheStrings()
    {
        Assert.Equal(["a", "b"], JsonFields.Strings(Owner, "tags"));
        Assert.Empty(JsonFields.Strings(Owner, "s"));
    }
}
