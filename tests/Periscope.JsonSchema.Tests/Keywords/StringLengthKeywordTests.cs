namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class StringLengthKeywordTests
{
    [Fact]
    public void Evaluate_TooLong_SaysTheLimitAndTheLength()
    {
        var error = Schemas.SingleError("""{"maxLength":10}""", "\"abcdefghijkl\"");

        Assert.Equal(("maxLength", "must be at most 10 characters long (was 12)"), (error.Keyword, error.Message));
    }

    [Fact]
    public void Evaluate_TooShort_UsesTheSingularForOne()
    {
        Assert.Equal("must be at least 1 character long (was 0)", Schemas.SingleError("""{"minLength":1}""", "\"\"").Message);
    }

    [Theory]
    [InlineData("\"😀😀😀\"", true)]
    [InlineData("\"数据库\"", true)]
    [InlineData("\"😀😀😀😀\"", false)]
    public void Evaluate_CountsCodePointsNotUtf16Units(string instance, bool valid)
    {
        Assert.Equal(valid, Schemas.IsValid("""{"maxLength":3}""", instance));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("\"3\"")]
    public void Compile_LengthNotANonNegativeInteger_Throws(string length)
    {
        Schemas.CompileFails($$"""{"maxLength":{{length}}}""");
    }
}
