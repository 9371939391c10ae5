using System.Text.Json;
using Periscope.JsonSchema.Compilation;

namespace Periscope.JsonSchema.Tests.Compilation;

public sealed class JsonPointerTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("/$defs/a~1b/c~0d", new[] { "$defs", "a/b", "c~d" })]
    [InlineData("/a%25b/%22q%22", new[] { "a%b", "\"q\"" })]
    [InlineData("/a~01", new[] { "a~1" })]
    public void ParseFragment_DecodesPercentThenTildeEscapes(string fragment, string[] tokens)
    {
        Assert.Equal(tokens, JsonPointer.ParseFragment(fragment));
    }

    [Fact]
    public void ParseFragment_NotAPointer_Throws()
    {
        Assert.Throws<JsonSchemaException>(() => JsonPointer.ParseFragment("a/b"));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("2", true)]
    [InlineData("3", false)]
    [InlineData("01", false)]
    [InlineData("-1", false)]
    public void TryNavigate_ArrayIndexes_FollowRfc6901(string index, bool found)
    {
        using var document = JsonDocument.Parse("[10,11,12]");

        Assert.Equal(found, JsonPointer.TryNavigate(document.RootElement, [index], out _));
    }

    [Fact]
    public void Escape_TildeAndSlash()
    {
        Assert.Equal("a~0b~1c", JsonPointer.Escape("a~b/c"));
    }
}
