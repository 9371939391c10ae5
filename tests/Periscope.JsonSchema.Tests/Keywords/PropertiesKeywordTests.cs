namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class PropertiesKeywordTests
{
    [Fact]
    public void Evaluate_AdditionalPropertyForbidden_ReportedAtThatProperty()
    {
        var error = Schemas.SingleError("""{"properties":{"a":{}},"additionalProperties":false}""", """{"a":1,"b":2}""");

        Assert.Equal(("/b", "additionalProperties", "is not allowed"), (error.InstancePath, error.Keyword, error.Message));
    }

    [Fact]
    public void Evaluate_PropertyWithFalseSchema_ReportedUnderProperties()
    {
        var error = Schemas.SingleError("""{"properties":{"secret":false}}""", """{"secret":1}""");

        Assert.Equal(("/secret", "properties"), (error.InstancePath, error.Keyword));
    }

    [Fact]
    public void Evaluate_NestedObjects_ReportTheFullPath()
    {
        var error = Schemas.SingleError(
            """{"properties":{"order":{"properties":{"lines":{"items":{"properties":{"qty":{"minimum":1}}}}}}}}""",
            """{"order":{"lines":[{"qty":1},{"qty":0}]}}""");

        Assert.Equal("/order/lines/1/qty", error.InstancePath);
    }

    [Fact]
    public void Evaluate_PatternPropertyTimesOut_ReportsInsteadOfHanging()
    {
        var options = new JsonSchemaOptions { RegexMatchTimeout = TimeSpan.FromMilliseconds(20) };
        var name = new string('a', 5000) + "!";

        var error = Schemas.SingleError("""{"patternProperties":{"^(a|aa)+$":{}}}""", $$"""{"{{name}}":1}""", options);

        Assert.Equal("patternProperties", error.Keyword);
    }

    [Fact]
    public void Compile_PropertiesNotAnObject_Throws()
    {
        Schemas.CompileFails("""{"properties":[]}""");
        Schemas.CompileFails("""{"properties":{"a":1}}""");
    }
}
