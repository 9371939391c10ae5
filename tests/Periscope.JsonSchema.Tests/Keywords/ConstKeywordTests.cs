namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class ConstKeywordTests
{
    [Fact]
    public void Evaluate_ObjectWithMembersReordered_IsEqual()
    {
        Assert.True(Schemas.IsValid("""{"const":{"a":1,"b":[true,null]}}""", """{"b":[true,null],"a":1.0}"""));
    }

    [Fact]
    public void Evaluate_DifferentValue_SaysWhichValueIsExpected()
    {
        var error = Schemas.SingleError("""{"const":"v1"}""", "\"v2\"");

        Assert.Equal(("const", "must be \"v1\""), (error.Keyword, error.Message));
    }
}
