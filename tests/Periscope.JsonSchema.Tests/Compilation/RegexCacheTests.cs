using Periscope.JsonSchema.Compilation;

namespace Periscope.JsonSchema.Tests.Compilation;

public sealed class RegexCacheTests
{
    [Fact]
    public void Get_SamePattern_ReturnsTheSameRegex()
    {
        var cache = new RegexCache(TimeSpan.FromMilliseconds(100));

        Assert.Same(cache.Get("^a+$", "#"), cache.Get("^a+$", "#"));
    }

    [Fact]
    public void Get_AnyPattern_CarriesTheTimeout()
    {
        var cache = new RegexCache(TimeSpan.FromMilliseconds(70));

        Assert.Equal(TimeSpan.FromMilliseconds(70), cache.Get("x", "#").MatchTimeout);
    }

    [Fact]
    public void Get_InvalidPattern_ThrowsNamingWhere()
    {
        var exception = Assert.Throws<JsonSchemaException>(() => new RegexCache(TimeSpan.FromSeconds(1)).Get("[", "#/pattern"));

        Assert.Contains("#/pattern", exception.Message, StringComparison.Ordinal);
    }
}
