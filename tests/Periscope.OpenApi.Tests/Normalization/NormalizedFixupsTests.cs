using System.Text.Json.Nodes;
using Periscope.OpenApi.Normalization;
using Periscope.OpenApi.Reading;

namespace Periscope.OpenApi.Tests.Normalization;

public sealed class NormalizedFixupsTests
{
    [Fact]
    public void Apply_UnrecognizedKeywords_ArePutBackOnTheSchema()
    {
        var document = Schemas("""{"A":{"type":"array","unrecognizedKeywords":{"prefixItems":[{"type":"string"}],"type":"ignored"}}}""");

        NormalizedFixups.Apply(document, SpecificationKind.OpenApi31);

        Assert.Equal("""{"type":"array","prefixItems":[{"type":"string"}]}""", Schema(document, "A"));
    }

    [Fact]
    public void Apply_NotEmptySchema_IsWrittenAsFalse()
    {
        var document = Schemas("""{"A":{"type":"array","items":{"not":{}}},"B":{"not":{},"description":"kept"}}""");

        NormalizedFixups.Apply(document, SpecificationKind.OpenApi31);

        Assert.Equal("""{"type":"array","items":false}""", Schema(document, "A"));
        Assert.Equal("""{"not":{},"description":"kept"}""", Schema(document, "B"));
    }

    [Fact]
    public void Apply_UpgradedNullableMarkers_BecomeNullTypesOrAlternatives()
    {
        var document = Schemas("""
            {"Typed":{"type":"string","x-periscope-nullable":true},
             "Union":{"type":["integer","string"],"x-periscope-nullable":true},
             "Untyped":{"allOf":[{"$ref":"#/components/schemas/Typed"}],"description":"d","x-periscope-nullable":true},
             "Swagger":{"type":"string","x-nullable":true}}
            """);

        NormalizedFixups.Apply(document, SpecificationKind.OpenApi30);

        Assert.Equal("""{"type":["string","null"]}""", Schema(document, "Typed"));
        Assert.Equal("""{"type":["integer","string","null"]}""", Schema(document, "Union"));
        Assert.Equal("""{"anyOf":[{"allOf":[{"$ref":"#/components/schemas/Typed"}],"description":"d"},{"type":"null"}]}""", Schema(document, "Untyped"));
        Assert.Equal("""{"type":["string","null"]}""", Schema(document, "Swagger"));
    }

    [Fact]
    public void Apply_UpgradedExample_BecomesExamples()
    {
        var document = Schemas("""{"A":{"type":"string","example":"x"}}""");

        NormalizedFixups.Apply(document, SpecificationKind.Swagger20);

        Assert.Equal("""{"type":"string","examples":["x"]}""", Schema(document, "A"));
    }

    [Fact]
    public void Apply_OpenApi31Document_KeepsItsOwnExampleAndEnum()
    {
        var document = Schemas("""{"A":{"type":["null","string"],"enum":["a"],"example":"a"}}""");

        NormalizedFixups.Apply(document, SpecificationKind.OpenApi31);

        Assert.Equal("""{"type":["null","string"],"enum":["a"],"example":"a"}""", Schema(document, "A"));
    }

    private static JsonObject Schemas(string schemas) =>
        new() { ["components"] = new JsonObject { ["schemas"] = JsonNode.Parse(schemas) } };

    private static string Schema(JsonObject document, string name) => document["components"]!["schemas"]![name]!.ToJsonString();
}
