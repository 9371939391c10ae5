namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class RefKeywordTests
{
    [Fact]
    public void Evaluate_RecursiveSchema_FollowsTheInstanceDown()
    {
        const string Schema = """
            {"$defs":{"node":{"type":"object","properties":{"name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#/$defs/node"}}}}},
             "$ref":"#/$defs/node"}
            """;

        var error = Schemas.SingleError(Schema, """{"name":"a","children":[{"name":"b","children":[{"name":3}]}]}""");

        Assert.Equal("/children/0/children/0/name", error.InstancePath);
    }

    [Fact]
    public void Evaluate_ReferenceLoopWithoutProgress_ReportsInsteadOfLooping()
    {
        const string Schema = """{"$defs":{"a":{"allOf":[{"$ref":"#/$defs/b"}]},"b":{"anyOf":[{"$ref":"#/$defs/a"}]}},"$ref":"#/$defs/a"}""";

        var errors = Schemas.Validate(Schema, "1");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Evaluate_SelfReferenceAtRoot_ReportsTheLoop()
    {
        var error = Schemas.SingleError("""{"$ref":"#"}""", "{}");

        Assert.Equal("$ref", error.Keyword);
        Assert.Contains("leads back to itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OpenApiDefinitionsPointer_Resolves()
    {
        Assert.False(Schemas.IsValid("""{"definitions":{"id":{"type":"integer"}},"$ref":"#/definitions/id"}""", "\"x\""));
    }

    [Fact]
    public void Evaluate_RefIntoUnknownKeyword_CompilesTheTargetOnDemand()
    {
        Assert.False(Schemas.IsValid("""{"x-shapes":{"id":{"type":"integer"}},"$ref":"#/x-shapes/id"}""", "\"x\""));
    }

    [Theory]
    [InlineData("#/$defs/missing", "points nowhere")]
    [InlineData("#nowhere", "names no anchor")]
    [InlineData("https://example.com/other.json", "remote references are not supported")]
    [InlineData("other.json#/a", "remote references are not supported")]
    public void Compile_UnresolvableReference_Throws(string reference, string reason)
    {
        var exception = Schemas.CompileFails($$"""{"$ref":"{{reference}}"}""");

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }
}
