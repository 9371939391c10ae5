using System.Text.Json.Nodes;
using Periscope.OpenApi.Normalization;
using Periscope.OpenApi.Reading;

namespace Periscope.OpenApi.Tests.Normalization;

public sealed class SourcePreparerTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Prepare_OpenApi30NullableWithoutType_IsMarked()
    {
        var document = Schemas("""{"A":{"allOf":[{"$ref":"#/components/schemas/B"}],"nullable":true},"B":{"type":"string","nullable":true}}""");

        SourcePreparer.Prepare(document, SpecificationKind.OpenApi30, _diagnostics);

        Assert.True((bool)document["components"]!["schemas"]!["A"]![SourcePreparer.NullableMarker]!);
        Assert.Null(document["components"]!["schemas"]!["B"]![SourcePreparer.NullableMarker]);
    }

    [Fact]
    public void Prepare_OpenApi31BooleanSchemas_BecomeObjects()
    {
        var document = Schemas("""{"A":{"type":"object","properties":{"any":true,"none":false},"allOf":[true]},"B":true}""");

        SourcePreparer.Prepare(document, SpecificationKind.OpenApi31, _diagnostics);

        Assert.Equal(
            """{"A":{"type":"object","properties":{"any":{},"none":{"not":{}}},"allOf":[{}]},"B":{}}""",
            document["components"]!["schemas"]!.ToJsonString());
    }

    [Fact]
    public void Prepare_OpenApi31BooleanExclusiveBounds_BecomeNumbersWithOneWarning()
    {
        var document = Schemas("""{"A":{"type":"number","minimum":1,"exclusiveMinimum":true,"maximum":9,"exclusiveMaximum":false},"B":{"type":"number","exclusiveMinimum":true}}""");

        SourcePreparer.Prepare(document, SpecificationKind.OpenApi31, _diagnostics);

        Assert.Equal("""{"type":"number","maximum":9,"exclusiveMinimum":1}""", document["components"]!["schemas"]!["A"]!.ToJsonString());
        Assert.Equal("""{"type":"number"}""", document["components"]!["schemas"]!["B"]!.ToJsonString());
        Assert.Equal(ParseDiagnostic.Warning, Assert.Single(_diagnostics).Severity);
    }

    private static JsonObject Schemas(string schemas) =>
        new() { ["components"] = new JsonObject { ["schemas"] = JsonNode.Parse(schemas) } };
}
