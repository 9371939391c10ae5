using System.Text.Json.Nodes;
using Periscope.EndToEnd.Tests.Infrastructure;

namespace Periscope.EndToEnd.Tests.Catalog;

/// <summary>A multi-megabyte document travels the whole way: static server, real sidecar, catalog, store.</summary>
public sealed class LargeDocumentTests
{
    private const int PathCount = 2000;

    [Fact]
    public async Task Sidecar_MultiMegabyteDocument_IsCatalogedWhole()
    {
        using var data = new TemporaryDirectory();
        await using var functions = await FunctionsServer.StartAsync(data.Path);
        using var client = functions.CreateClient();
        var document = Generate();
        Assert.True(document.Length > 2_000_000, $"the generated document is only {document.Length} bytes");
        await using var app = await StaticDocumentServer.StartAsync("/v3/api-docs", document, "application/json");
        await using var sidecar = SidecarProcess.Start("large", app.Port, functions);

        var service = await Eventually.Until(() => client.FindServiceAsync("large"), "the large document to be reported", TimeSpan.FromSeconds(90));

        Assert.Equal("parsed", (string?)service["documentStatus"]);
        Assert.Equal(PathCount * 2, (int)service["operationCount"]!);
        var view = await client.GetJsonAsync($"api/operations/default.large.createItem{PathCount - 1}");
        Assert.Equal(["name"], view["requestBody"]!["content"]!["application/json"]!["schema"]!["required"]!.AsArray().Select(name => (string)name!));
    }

    /// <summary>An OpenAPI 3.0 document of <see cref="PathCount"/> paths, each with a list and a create operation sharing one recursive schema.</summary>
    private static string Generate()
    {
        var paths = new JsonObject();
        for (var i = 0; i < PathCount; i++)
        {
            paths[$"/resources{i}/{{id}}/items"] = JsonNode.Parse(OperationsTemplate.Replace("#i#", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("#mod#", (i % 40).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        return Wrap(paths);
    }

    private const string OperationsTemplate = """
                {"get": {"operationId": "listItems#i#", "summary": "List the items of resource #i# with a summary long enough to weigh something",
                         "tags": ["group#mod#"],
                         "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                                        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}}],
                         "responses": {"200": {"description": "The items", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}}}}}},
                 "post": {"operationId": "createItem#i#", "description": "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd",
                          "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}},
                          "responses": {"201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}}}}}
                """;

    private static string Wrap(JsonObject paths)
    {
        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "Large", ["version"] = "1" },
            ["paths"] = paths,
            ["components"] = JsonNode.Parse("""
                {"schemas": {
                  "Item": {"type": "object", "required": ["name"], "properties": {
                     "name": {"type": "string"}, "price": {"type": "number", "nullable": true}, "parent": {"$ref": "#/components/schemas/Item"}}}}}
                """),
        };
        return document.ToJsonString();
    }
}
