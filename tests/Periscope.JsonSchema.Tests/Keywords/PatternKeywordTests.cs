using System.Diagnostics;

namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class PatternKeywordTests
{
    [Fact]
    public void Evaluate_NoMatch_QuotesThePattern()
    {
        var error = Schemas.SingleError("""{"pattern":"^[a-z]+$"}""", "\"ABC\"");

        Assert.Equal(("pattern", "must match the pattern ^[a-z]+$"), (error.Keyword, error.Message));
    }

    [Theory]
    [InlineData("^\\\\d+$", "\"123\"", true)]
    [InlineData("^\\\\d+$", "\"١٢٣\"", false)]
    [InlineData("^\\\\w+$", "\"é\"", false)]
    [InlineData("^\\\\p{L}+$", "\"é\"", true)]
    [InlineData("^\\\\p{Lowercase_Letter}+$", "\"é\"", true)]
    [InlineData("^\\\\P{Letter}+$", "\"123\"", true)]
    public void Evaluate_EcmaScriptSemantics_AsciiClassesAndUnicodeProperties(string pattern, string instance, bool valid)
    {
        Assert.Equal(valid, Schemas.IsValid($$"""{"pattern":"{{pattern}}"}""", instance));
    }

    [Fact]
    public void Evaluate_CatastrophicBacktracking_IsReportedWithinTheTimeout()
    {
        var options = new JsonSchemaOptions { RegexMatchTimeout = TimeSpan.FromMilliseconds(50) };
        var instance = $"\"{new string('a', 5000)}!\"";
        var clock = Stopwatch.StartNew();

        var error = Schemas.SingleError("""{"pattern":"^(a|aa)+$"}""", instance, options);

        Assert.Equal("pattern", error.Keyword);
        Assert.StartsWith("could not be checked against the pattern", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Compile_InvalidPattern_Throws()
    {
        Assert.Contains("not a valid regular expression", Schemas.CompileFails("""{"pattern":"(unclosed"}""").Message, StringComparison.Ordinal);
    }
}
