namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class UnevaluatedPropertiesKeywordTests
{
    [Fact]
    public void Evaluate_PropertyNoSubschemaEvaluated_ReportedAtThatProperty()
    {
        const string Schema = """
            {"allOf":[{"properties":{"a":true}}],"anyOf":[{"properties":{"b":true},"required":["b"]},{"required":["c"]}],
             "unevaluatedProperties":false}
            """;

        var error = Schemas.SingleError(Schema, """{"a":1,"b":2,"z":3}""");

        Assert.Equal(("/z", "unevaluatedProperties", "is not allowed"), (error.InstancePath, error.Keyword, error.Message));
    }

    [Fact]
    public void Evaluate_PropertiesOfAFailedBranch_DoNotCountAsEvaluated()
    {
        const string Schema = """{"anyOf":[{"properties":{"a":{"type":"string"}}},true],"unevaluatedProperties":false}""";

        Assert.True(Schemas.IsValid(Schema, """{"a":"x"}"""));
        Assert.Equal("/a", Schemas.SingleError(Schema, """{"a":1}""").InstancePath);
    }
}
