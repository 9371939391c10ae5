namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class MultipleOfKeywordTests
{
    [Theory]
    [InlineData("0.1", "0.3", true)]
    [InlineData("0.01", "19.99", true)]
    [InlineData("0.01", "19.999", false)]
    [InlineData("3", "-9", true)]
    public void Evaluate_DecimalValues_AreExact(string divisor, string instance, bool valid)
    {
        Assert.Equal(valid, Schemas.IsValid($$"""{"multipleOf":{{divisor}}}""", instance));
    }

    [Fact]
    public void Evaluate_NotAMultiple_NamesTheDivisor()
    {
        Assert.Equal("must be a multiple of 0.5", Schemas.SingleError("""{"multipleOf":0.5}""", "0.7").Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("\"2\"")]
    public void Compile_DivisorNotPositive_Throws(string divisor)
    {
        Schemas.CompileFails($$"""{"multipleOf":{{divisor}}}""");
    }
}
