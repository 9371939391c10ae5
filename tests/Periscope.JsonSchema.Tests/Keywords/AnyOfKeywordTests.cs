namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class AnyOfKeywordTests
{
    [Fact]
    public void Evaluate_NoBranchMatches_OneErrorForTheKeyword()
    {
        var error = Schemas.SingleError(
            """{"anyOf":[{"type":"string","minLength":5},{"type":"null"},{"type":"integer"}]}""", "\"abc\"");

        Assert.Equal(("", "anyOf", "must match at least one of the 3 schemas in anyOf (matched none)"),
            (error.InstancePath, error.Keyword, error.Message));
    }

    [Fact]
    public void Evaluate_NullableField_AcceptsNullAndTheType()
    {
        const string Schema = """{"properties":{"note":{"anyOf":[{"type":"string"},{"type":"null"}]}}}""";

        Assert.True(Schemas.IsValid(Schema, """{"note":null}"""));
        Assert.True(Schemas.IsValid(Schema, """{"note":"x"}"""));
        Assert.Equal("/note", Schemas.SingleError(Schema, """{"note":3}""").InstancePath);
    }
}
