namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class NumberLimitKeywordTests
{
    [Theory]
    [InlineData("minimum", "1", "0.5", "must be at least 1")]
    [InlineData("maximum", "10", "10.01", "must be at most 10")]
    [InlineData("exclusiveMinimum", "0", "0", "must be greater than 0")]
    [InlineData("exclusiveMaximum", "2.5", "2.5", "must be less than 2.5")]
    public void Evaluate_OutOfRange_NamesTheLimit(string keyword, string limit, string instance, string message)
    {
        var error = Schemas.SingleError($$"""{"{{keyword}}":{{limit}}}""", instance);

        Assert.Equal((keyword, message), (error.Keyword, error.Message));
    }

    [Theory]
    [InlineData("""{"minimum":0.1}""", "0.1", true)]
    [InlineData("""{"maximum":0.3}""", "0.30000000000000004", false)]
    [InlineData("""{"maximum":1e400}""", "1e300", true)]
    [InlineData("""{"minimum":-1e400}""", "-1e300", true)]
    public void Evaluate_Boundaries_AreExact(string schema, string instance, bool valid)
    {
        Assert.Equal(valid, Schemas.IsValid(schema, instance));
    }

    [Fact]
    public void Evaluate_OpenApi30BooleanExclusiveMinimum_MakesMinimumExclusive()
    {
        var error = Schemas.SingleError("""{"minimum":5,"exclusiveMinimum":true}""", "5");

        Assert.Equal(("exclusiveMinimum", "must be greater than 5"), (error.Keyword, error.Message));
        Assert.True(Schemas.IsValid("""{"maximum":5,"exclusiveMaximum":false}""", "5"));
    }

    [Fact]
    public void Compile_LimitNotANumber_Throws()
    {
        Schemas.CompileFails("""{"minimum":"1"}""");
        Schemas.CompileFails("""{"exclusiveMaximum":"1"}""");
    }
}
