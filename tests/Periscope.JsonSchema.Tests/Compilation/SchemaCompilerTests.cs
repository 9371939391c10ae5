namespace Periscope.JsonSchema.Tests.Compilation;

public sealed class SchemaCompilerTests
{
    [Theory]
    [InlineData("x-periscope-cycle", "\"#/components/schemas/Node\"")]
    [InlineData("x-periscope-unresolved", "true")]
    [InlineData("x-periscope-truncated", "\"nested deeper than 64 levels\"")]
    public void Compile_PeriscopeMarker_AcceptsAnythingThere(string marker, string value)
    {
        var schema = $$$"""{"properties":{"child":{"type":"object","required":["x"],"$ref":"#/nowhere","{{{marker}}}":{{{value}}} }},"required":["child"]}""";

        Assert.True(Schemas.IsValid(schema, """{"child":"not even an object"}"""));
        Assert.Equal("/child", Schemas.SingleError(schema, "{}").InstancePath);
    }

    [Fact]
    public void Compile_AnnotationsExtensionsAndUnknownKeywords_AreIgnored()
    {
        const string Schema = """
            {"title":"t","description":"d","examples":[1],"default":"x","readOnly":true,"writeOnly":true,"deprecated":true,
             "discriminator":{"propertyName":"kind"},"xml":{"name":"n"},"x-order":3,"nullable":true,"someFutureKeyword":{"type":"string"},
             "$comment":"c","$schema":"https://json-schema.org/draft/2020-12/schema","$vocabulary":{},"contentMediaType":"text/plain",
             "type":"integer"}
            """;

        Assert.True(Schemas.IsValid(Schema, "5"));
        Assert.Equal("type", Schemas.SingleError(Schema, "\"5\"").Keyword);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("\"string\"")]
    [InlineData("""{"properties":{"a":null}}""")]
    [InlineData("""{"items":3}""")]
    [InlineData("""{"allOf":{}}""")]
    [InlineData("""{"$ref":5}""")]
    [InlineData("""{"$id":5}""")]
    public void Compile_MalformedSchema_Throws(string schema)
    {
        Schemas.CompileFails(schema);
    }

    [Fact]
    public void Compile_DynamicRef_ResolvesLikeARef()
    {
        Assert.False(Schemas.IsValid("""{"$defs":{"s":{"$dynamicAnchor":"s","type":"string"}},"$dynamicRef":"#s"}""", "1"));
    }

    [Fact]
    public void Compile_SamePatternTwice_BothApply()
    {
        const string Schema = """{"properties":{"a":{"pattern":"^x"},"b":{"pattern":"^x"}}}""";

        Assert.Equal(["/a", "/b"], Schemas.Validate(Schema, """{"a":"y","b":"z"}""").Select(e => e.InstancePath));
    }
}
