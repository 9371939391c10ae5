namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class UniqueItemsKeywordTests
{
    [Fact]
    public void Evaluate_Duplicates_NamesTheFirstPair()
    {
        var error = Schemas.SingleError("""{"uniqueItems":true}""", """[{"a":1},2,{"a":1.0},2]""");

        Assert.Equal(("uniqueItems", "must not contain duplicate items (items 0 and 2 are equal)"), (error.Keyword, error.Message));
    }

    [Fact]
    public void Evaluate_TenThousandDistinctItems_IsValid()
    {
        var items = string.Join(",", Enumerable.Range(0, 10_000));

        Assert.True(Schemas.IsValid("""{"uniqueItems":true}""", $"[{items}]"));
    }
}
