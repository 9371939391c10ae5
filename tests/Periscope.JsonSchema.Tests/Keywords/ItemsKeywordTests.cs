namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class ItemsKeywordTests
{
    [Fact]
    public void Evaluate_BadItem_IsReportedAtItsIndex()
    {
        var error = Schemas.SingleError("""{"items":{"type":"integer"}}""", "[1,2,\"x\"]");

        Assert.Equal(("/2", "type"), (error.InstancePath, error.Keyword));
    }

    [Fact]
    public void Evaluate_ItemsFalseAfterPrefix_ReportsEachExtraItemUnderItems()
    {
        var errors = Schemas.Validate("""{"prefixItems":[{"type":"string"}],"items":false}""", "[\"a\",1,2]");

        Assert.Equal([("/1", "items", "is not allowed"), ("/2", "items", "is not allowed")], errors.Select(e => (e.InstancePath, e.Keyword, e.Message)));
    }

    [Fact]
    public void Evaluate_PrefixItemMismatch_IsReportedUnderItsOwnKeyword()
    {
        var error = Schemas.SingleError("""{"prefixItems":[{"type":"string"},{"type":"integer"}]}""", "[\"a\",\"b\"]");

        Assert.Equal(("/1", "type"), (error.InstancePath, error.Keyword));
    }

    [Fact]
    public void Evaluate_Draft2019ItemsArray_IsReadAsPrefixItemsWithAdditionalItems()
    {
        const string Schema = """{"items":[{"type":"string"}],"additionalItems":{"type":"integer"}}""";

        Assert.True(Schemas.IsValid(Schema, "[\"a\",1,2]"));
        Assert.Equal("/1", Schemas.SingleError(Schema, "[\"a\",\"b\"]").InstancePath);
    }
}
