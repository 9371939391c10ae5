using System.Text.Json.Nodes;

namespace Periscope.Bench.OpenApiParse;

/// <summary>Generates a large Swagger 2.0 document, the same for the same size.</summary>
/// <remarks>
/// Body and formData parameters, <c>x-nullable</c>, responses without schemas and a recursive
/// <c>Category</c> definition: the parts Microsoft.OpenApi upgrades and our Swagger 2.0 fix-ups correct.
/// </remarks>
internal static class Swagger20Generator
{
    private const int Models = 50;

    public static string Create(int paths)
    {
        var definitions = new JsonObject
        {
            ["Category"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["name"] = new JsonObject { ["type"] = "string" },
                    ["subcategories"] = new JsonObject { ["type"] = "array", ["items"] = Ref("Category") },
                },
            },
        };
        for (var k = 0; k < Models; k++)
        {
            definitions[$"Product{k}"] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray("sku"),
                ["properties"] = new JsonObject
                {
                    ["sku"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Z]{3}-[0-9]+$" },
                    ["price"] = new JsonObject { ["type"] = "number", ["format"] = "double", ["x-nullable"] = true },
                    ["category"] = Ref("Category"),
                    ["related"] = new JsonObject { ["type"] = "array", ["items"] = Ref($"Product{(k + 1) % Models}") },
                },
            };
        }

        var pathItems = new JsonObject();
        for (var i = 0; i < paths; i++)
        {
            var k = i % Models;
            pathItems[$"/products{k}/{i}/{{sku}}"] = new JsonObject
            {
                ["get"] = Operation($"getProduct{i}", [PathSku()], Ref($"Product{k}")),
                ["put"] = Operation($"putProduct{i}", [PathSku(), new JsonObject { ["name"] = "body", ["in"] = "body", ["required"] = true, ["schema"] = Ref($"Product{k}") }], null),
                ["post"] = Operation($"postProduct{i}", [PathSku(), new JsonObject { ["name"] = "note", ["in"] = "formData", ["type"] = "string", ["required"] = true }], null),
            };
        }

        return new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = new JsonObject { ["title"] = "Generated store", ["version"] = "2.0.0" },
            ["host"] = "store.example.com",
            ["basePath"] = "/v2",
            ["schemes"] = new JsonArray("https"),
            ["consumes"] = new JsonArray("application/json"),
            ["produces"] = new JsonArray("application/json"),
            ["paths"] = pathItems,
            ["definitions"] = definitions,
        }.ToJsonString();
    }

    private static JsonObject Operation(string operationId, JsonNode[] parameters, JsonObject? schema)
    {
        var ok = new JsonObject { ["description"] = "OK" };
        if (schema is not null)
        {
            ok["schema"] = schema;
        }

        return new JsonObject
        {
            ["operationId"] = operationId,
            ["parameters"] = new JsonArray(parameters),
            ["responses"] = new JsonObject { ["200"] = ok, ["default"] = new JsonObject { ["description"] = "Error" } },
        };
    }

    private static JsonObject PathSku() => new() { ["name"] = "sku", ["in"] = "path", ["required"] = true, ["type"] = "string" };

    private static JsonObject Ref(string definition) => new() { ["$ref"] = $"#/definitions/{definition}" };
}
