namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class NotKeywordTests
{
    [Fact]
    public void Evaluate_InstanceMatchesNot_OneError()
    {
        var error = Schemas.SingleError("""{"not":{"const":"root"}}""", "\"root\"");

        Assert.Equal(("not", "must not match the schema in not"), (error.Keyword, error.Message));
    }
}
