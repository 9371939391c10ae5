namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class UnevaluatedItemsKeywordTests
{
    [Fact]
    public void Evaluate_ItemsAfterThePrefix_ReportedAtEachIndex()
    {
        var errors = Schemas.Validate("""{"prefixItems":[true],"unevaluatedItems":{"type":"string"}}""", "[1,\"a\",2]");

        Assert.Equal([("/2", "type")], errors.Select(e => (e.InstancePath, e.Keyword)));
    }

    [Fact]
    public void Evaluate_ItemsMatchedByContains_CountAsEvaluated()
    {
        const string Schema = """{"contains":{"type":"string"},"unevaluatedItems":{"type":"integer"}}""";

        Assert.True(Schemas.IsValid(Schema, "[\"a\",1,\"b\"]"));
        var error = Schemas.SingleError(Schema, "[\"a\",true]");

        Assert.Equal(("/1", "type"), (error.InstancePath, error.Keyword));
    }
}
