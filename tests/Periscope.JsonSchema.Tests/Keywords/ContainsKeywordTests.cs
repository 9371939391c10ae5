namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class ContainsKeywordTests
{
    [Fact]
    public void Evaluate_NoMatchingItem_OneErrorAtTheArray()
    {
        var error = Schemas.SingleError("""{"contains":{"type":"string"}}""", "[1,2,3]");

        Assert.Equal(("", "contains", "must contain at least 1 item matching the contains schema (had 0)"),
            (error.InstancePath, error.Keyword, error.Message));
    }

    [Fact]
    public void Evaluate_TooFewOrTooMany_UseMinAndMaxContains()
    {
        const string Schema = """{"contains":{"const":1},"minContains":2,"maxContains":3}""";

        var few = Schemas.SingleError(Schema, "[1]");
        var many = Schemas.SingleError(Schema, "[1,1,1,1]");

        Assert.Equal(("minContains", "must contain at least 2 items matching the contains schema (had 1)"), (few.Keyword, few.Message));
        Assert.Equal(("maxContains", "must contain at most 3 items matching the contains schema (had 4)"), (many.Keyword, many.Message));
    }
}
