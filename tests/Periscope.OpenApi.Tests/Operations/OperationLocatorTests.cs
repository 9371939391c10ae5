using System.Text.Json.Nodes;
using Periscope.OpenApi.Operations;

namespace Periscope.OpenApi.Tests.Operations;

public sealed class OperationLocatorTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Locate_PathItems_ListsOperationsInDocumentAndMethodOrder()
    {
        var document = Parse("""
            {"paths":{
              "/b":{"post":{"operationId":"p"},"get":{"operationId":"g"},"summary":"not an operation","x-ext":{"a":1}},
              "/a":{"parameters":[{"name":"id","in":"query"}],"delete":{"operationId":"d"},"trace":{"operationId":"t"}}},
             "webhooks":{"hook":{"post":{"operationId":"w"}}}}
            """);

        var sites = OperationLocator.Locate(document, _diagnostics);

        Assert.Equal(["GET /b", "POST /b", "DELETE /a", "TRACE /a"], sites.Select(s => $"{s.Method} {s.Path}"));
        Assert.Null(sites[0].PathParameters);
        Assert.Single(sites[2].PathParameters!);
        Assert.Equal("/paths/~1a/delete", sites[2].Pointer);
    }

    [Fact]
    public void Locate_PathItemReference_UsesTheReferencedItem()
    {
        var document = Parse("""
            {"paths":{"/p":{"$ref":"#/components/pathItems/P"}},
             "components":{"pathItems":{"P":{"parameters":[{"name":"id","in":"path"}],"get":{"operationId":"g"}}}}}
            """);

        var site = Assert.Single(OperationLocator.Locate(document, _diagnostics));

        Assert.Equal("g", (string?)site.Operation["operationId"]);
        Assert.Single(site.PathParameters!);
    }

    [Fact]
    public void Locate_DanglingPathItemReference_WarnsAndSkips()
    {
        var document = Parse("""{"paths":{"/p":{"$ref":"#/components/pathItems/Nope"}}}""");

        Assert.Empty(OperationLocator.Locate(document, _diagnostics));
        Assert.Equal("/paths/~1p", Assert.Single(_diagnostics).Pointer);
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
