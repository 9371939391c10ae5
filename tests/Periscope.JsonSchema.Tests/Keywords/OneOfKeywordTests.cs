namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class OneOfKeywordTests
{
    private const string Schema = """{"oneOf":[{"type":"integer"},{"minimum":10}]}""";

    [Fact]
    public void Evaluate_NoBranchMatches_SaysNone()
    {
        Assert.Equal("must match exactly one of the 2 schemas in oneOf (matched none)", Schemas.SingleError(Schema, "2.5").Message);
    }

    [Fact]
    public void Evaluate_TwoBranchesMatch_SaysMoreThanOne()
    {
        var error = Schemas.SingleError(Schema, "12");

        Assert.Equal(("oneOf", "must match exactly one of the 2 schemas in oneOf (matched more than one)"), (error.Keyword, error.Message));
    }

    [Fact]
    public void Evaluate_ExactlyOneMatches_IsValid()
    {
        Assert.True(Schemas.IsValid(Schema, "3"));
        Assert.True(Schemas.IsValid(Schema, "10.5"));
    }
}
