namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class CountKeywordTests
{
    [Theory]
    [InlineData("minItems", "2", "[1]", "must have at least 2 items (had 1)")]
    [InlineData("maxItems", "1", "[1,2,3]", "must have at most 1 item (had 3)")]
    [InlineData("minProperties", "1", "{}", "must have at least 1 property (had 0)")]
    [InlineData("maxProperties", "2", """{"a":1,"b":2,"c":3}""", "must have at most 2 properties (had 3)")]
    public void Evaluate_WrongCount_SaysLimitAndCount(string keyword, string limit, string instance, string message)
    {
        var error = Schemas.SingleError($$"""{"{{keyword}}":{{limit}}}""", instance);

        Assert.Equal((keyword, message), (error.Keyword, error.Message));
    }

    [Theory]
    [InlineData("minItems", "{}")]
    [InlineData("minProperties", "[]")]
    public void Evaluate_OtherType_IsIgnored(string keyword, string instance)
    {
        Assert.True(Schemas.IsValid($$"""{"{{keyword}}":5}""", instance));
    }
}
