using System.Text.Json.Nodes;
using Periscope.OpenApi.Normalization;
using Periscope.OpenApi.Reading;

namespace Periscope.OpenApi.Tests.Normalization;

public sealed class DocumentNormalizerTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Normalize_OpenApi31BooleanPropertySchema_DoesNotCrashTheReader()
    {
        var normalized = Normalize("""
            {"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},
             "components":{"schemas":{"A":{"type":"object","properties":{"any":true,"never":false}}}}}
            """, SpecificationKind.OpenApi31);

        Assert.Equal("""{"type":"object","properties":{"any":{},"never":false}}""", normalized!["components"]!["schemas"]!["A"]!.ToJsonString());
    }

    [Fact]
    public void Normalize_OpenApi31BooleanExclusiveMinimum_WritesValidJson()
    {
        var normalized = Normalize("""
            {"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},
             "components":{"schemas":{"A":{"type":"number","exclusiveMinimum":true,"minimum":1}}}}
            """, SpecificationKind.OpenApi31);

        Assert.Equal(1, (int)normalized!["components"]!["schemas"]!["A"]!["exclusiveMinimum"]!);
    }

    [Fact]
    public void Normalize_Swagger20_UpgradesTo31()
    {
        var normalized = Normalize("""
            {"swagger":"2.0","info":{"title":"t","version":"1"},"basePath":"/v1",
             "paths":{"/a":{"post":{"consumes":["application/json"],"parameters":[{"name":"b","in":"body","schema":{"type":"object"}}],"responses":{"200":{"description":"ok"}}}}}}
            """, SpecificationKind.Swagger20);

        Assert.StartsWith("3.1.", (string?)normalized!["openapi"], StringComparison.Ordinal);
        Assert.Equal("""{"type":"object"}""", normalized["paths"]!["/a"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!.ToJsonString());
    }

    [Fact]
    public void Normalize_ReaderDiagnostics_BecomePointedDiagnostics()
    {
        Normalize("""{"openapi":"3.0.0","info":{},"paths":{}}""", SpecificationKind.OpenApi30);

        Assert.Contains(_diagnostics, d => d.Severity == ParseDiagnostic.Error && d.Pointer == "/info/version");
    }

    private JsonObject? Normalize(string json, SpecificationKind kind) =>
        DocumentNormalizer.Normalize(JsonNode.Parse(json)!.AsObject(), kind, _diagnostics);
}
