using System.Text;
using System.Text.Json;
using Periscope.Functions.Invoke;

namespace Periscope.Functions.Tests.Invoke;

public sealed class ParameterSerializerTests
{
    [Theory]
    [InlineData("\"abc\"", "abc")]
    [InlineData("\"a/b\"", "a%2Fb")]
    [InlineData("\"../x\"", "..%2Fx")]
    [InlineData("\"a b?c#d&e=f\"", "a%20b%3Fc%23d%26e%3Df")]
    [InlineData("\"中文\"", "%E4%B8%AD%E6%96%87")]
    [InlineData("42", "42")]
    [InlineData("1.5e3", "1.5e3")]
    [InlineData("true", "true")]
    [InlineData("[\"a\",\"b/c\",3]", "a,b%2Fc,3")]
    [InlineData("{\"x\":1,\"y\":\"z z\"}", "x,1,y,z%20z")]
    public void PathValue_SimpleStyle_EncodesEveryReservedCharacter(string json, string expected) =>
        Assert.Equal(expected, ParameterSerializer.PathValue(Parse(json), explode: null));

    [Fact]
    public void PathValue_ExplodedObject_WritesPairs() =>
        Assert.Equal("x=1,y=2", ParameterSerializer.PathValue(Parse("{\"x\":1,\"y\":2}"), explode: true));

    [Theory]
    [InlineData("\"a b&c\"", null, null, "q=a%20b%26c")]
    [InlineData("[\"a\",\"b\"]", null, null, "q=a&q=b")]
    [InlineData("[\"a\",\"b\"]", "form", false, "q=a,b")]
    [InlineData("[\"a\",\"b\"]", "spaceDelimited", false, "q=a%20b")]
    [InlineData("[\"a\",\"b\"]", "pipeDelimited", false, "q=a%7Cb")]
    [InlineData("{\"role\":\"admin\",\"age\":3}", null, null, "role=admin&age=3")]
    [InlineData("{\"role\":\"admin\",\"age\":3}", "form", false, "q=role,admin,age,3")]
    [InlineData("{\"role\":\"admin\"}", "deepObject", true, "q%5Brole%5D=admin")]
    [InlineData("7", null, null, "q=7")]
    public void AppendQuery_Style_SerialisesAsOpenApiSays(string json, string? style, bool? explode, string expected)
    {
        var query = new StringBuilder();

        ParameterSerializer.AppendQuery(query, "q", Parse(json), style, explode);

        Assert.Equal(expected, query.ToString());
    }

    [Fact]
    public void AppendQuery_SeveralParameters_SeparatesWithAmpersands()
    {
        var query = new StringBuilder();

        ParameterSerializer.AppendQuery(query, "a", Parse("1"), null, null);
        ParameterSerializer.AppendQuery(query, "b c", Parse("\"x\""), null, null);

        Assert.Equal("a=1&b%20c=x", query.ToString());
    }

    [Fact]
    public void HeaderValue_Array_JoinsWithCommasUnencoded() =>
        Assert.Equal("a b,c/d", ParameterSerializer.HeaderValue(Parse("[\"a b\",\"c/d\"]"), explode: null));

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
