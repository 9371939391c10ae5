using System.Text.Json;
using Periscope.JsonSchema.Json;

namespace Periscope.JsonSchema.Tests.Json;

public sealed class JsonTextTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("😀", 1)]
    [InlineData("a😀b", 3)]
    public void CodePointLength_SurrogatePairsCountOnce(string text, int length)
    {
        Assert.Equal(length, JsonText.CodePointLength(text));
    }

    [Fact]
    public void CodePointLength_LoneSurrogate_CountsAsOne()
    {
        Assert.Equal(2, JsonText.CodePointLength(string.Concat("a", "\ud83d")));
    }

    [Fact]
    public void Show_LongValue_IsCutShort()
    {
        using var document = JsonDocument.Parse($"\"{new string('x', 200)}\"");

        var shown = JsonText.Show(document.RootElement);

        Assert.Equal(60, shown.Length);
        Assert.EndsWith("…", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_ObjectWithWhitespace_IsCompact()
    {
        using var document = JsonDocument.Parse("""{ "a" : [ 1, 2 ] }""");

        Assert.Equal("""{"a":[1,2]}""", JsonText.Show(document.RootElement));
    }
}
