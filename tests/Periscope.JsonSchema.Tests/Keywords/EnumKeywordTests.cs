namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class EnumKeywordTests
{
    [Fact]
    public void Evaluate_ValueNotListed_ListsTheChoices()
    {
        var error = Schemas.SingleError("""{"enum":["a","b"]}""", "\"c\"");

        Assert.Equal(("enum", "must be one of: \"a\", \"b\""), (error.Keyword, error.Message));
    }

    [Fact]
    public void Evaluate_NumbersComparedByValue_OneEqualsOnePointZero()
    {
        Assert.True(Schemas.IsValid("""{"enum":[1.0,{"a":[2]}]}""", "1"));
        Assert.True(Schemas.IsValid("""{"enum":[1.0,{"a":[2]}]}""", """{"a":[2.00]}"""));
    }

    [Fact]
    public void Evaluate_ManyChoices_MessageShowsTenAndCountsTheRest()
    {
        var values = string.Join(",", Enumerable.Range(1, 25));

        var error = Schemas.SingleError($$"""{"enum":[{{values}}]}""", "0");

        Assert.Equal("must be one of: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, … (15 more)", error.Message);
    }

    [Fact]
    public void Evaluate_NonAsciiChoices_AreShownUnescaped()
    {
        Assert.Equal("must be one of: \"启用\", \"停用\"", Schemas.SingleError("""{"enum":["启用","停用"]}""", "\"x\"").Message);
    }

    [Fact]
    public void Compile_EnumNotAnArray_Throws()
    {
        Schemas.CompileFails("""{"enum":"a"}""");
    }
}
