using System.Text.Json.Nodes;

namespace Periscope.Bench.OpenApiParse;

/// <summary>Generates a large OpenAPI 3.0 document, the same for the same size.</summary>
/// <remarks>
/// Every operation reaches a recursive <c>Node</c> schema (a tree with children and a parent), so every
/// view has cycles to cut; resources also use nullable references (<c>allOf</c> + <c>nullable</c>),
/// enums, examples, shared parameters and responses: the constructs real documents lean on.
/// </remarks>
internal static class OpenApi30Generator
{
    private const int Resources = 100;

    public static string Create(int paths)
    {
        var schemas = new JsonObject
        {
            ["Node"] = Obj(
                ("type", "object"),
                ("required", new JsonArray("id")),
                ("properties", Obj(
                    ("id", Obj(("type", "string"), ("format", "uuid"))),
                    ("label", Obj(("type", "string"), ("nullable", true))),
                    ("children", Obj(("type", "array"), ("items", Ref("Node")))),
                    ("parent", Ref("Node")),
                    ("attributes", Obj(("type", "object"), ("additionalProperties", Obj(("type", "string")))))))),
            ["Meta"] = Obj(
                ("type", "object"),
                ("properties", Obj(
                    ("version", Obj(("type", "integer"), ("format", "int64"))),
                    ("labels", Obj(("type", "object"), ("additionalProperties", Obj(("type", "string")))))))),
            ["Error"] = Obj(
                ("type", "object"),
                ("required", new JsonArray("code", "message")),
                ("properties", Obj(("code", Obj(("type", "integer"))), ("message", Obj(("type", "string")))))),
        };
        for (var k = 0; k < Resources; k++)
        {
            schemas[$"Resource{k}"] = Resource(k);
        }

        var pathItems = new JsonObject();
        for (var i = 0; i < paths; i++)
        {
            var k = i % Resources;
            pathItems[$"/resources{k}/items{i}/{{id}}"] = Obj(
                ("parameters", new JsonArray(Obj(("$ref", "#/components/parameters/Id")))),
                ("get", Operation(i, "get", k, body: false)),
                ("put", Operation(i, "put", k, body: true)),
                ("post", Operation(i, "post", k, body: true)),
                ("delete", Operation(i, "delete", k, body: false)));
        }

        var document = Obj(
            ("openapi", "3.0.3"),
            ("info", Obj(("title", "Generated recursive API"), ("version", "1.0.0"))),
            ("servers", new JsonArray(Obj(("url", "https://api.example.com/v1")))),
            ("paths", pathItems),
            ("components", Obj(
                ("schemas", schemas),
                ("parameters", Obj(("Id", Obj(("name", "id"), ("in", "path"), ("required", true), ("schema", Obj(("type", "string"))))))),
                ("responses", Obj(("NotFound", Obj(
                    ("description", "Not found"),
                    ("content", Obj(("application/json", Obj(("schema", Ref("Error")))))))))))));
        return document.ToJsonString();
    }

    private static JsonObject Resource(int k) => Obj(
        ("type", "object"),
        ("description", $"Resource number {k}, with a tree of nodes."),
        ("required", new JsonArray("id", "name")),
        ("properties", Obj(
            ("id", Obj(("type", "string"), ("format", "uuid"))),
            ("name", Obj(("type", "string"), ("maxLength", 100 + k), ("example", $"resource-{k}"))),
            ("createdAt", Obj(("type", "string"), ("format", "date-time"))),
            ("status", Obj(("type", "string"), ("enum", new JsonArray("active", "suspended", "deleted")))),
            ("tags", Obj(("type", "array"), ("items", Obj(("type", "string"))))),
            ("count", Obj(("type", "integer"), ("minimum", 0))),
            ("meta", Obj(("allOf", new JsonArray(Ref("Meta"))), ("nullable", true))),
            ("tree", Ref("Node")))));

    private static JsonObject Operation(int i, string method, int k, bool body)
    {
        var operation = Obj(
            ("operationId", $"{method}Item{i}"),
            ("summary", $"{method} item {i} of resource {k}"),
            ("tags", new JsonArray($"resources{k}")));
        if (method == "get")
        {
            operation["parameters"] = new JsonArray(Obj(
                ("name", "depth"), ("in", "query"), ("schema", Obj(("type", "integer"), ("minimum", 1), ("maximum", 10), ("default", 3)))));
        }

        if (body)
        {
            operation["requestBody"] = Obj(("required", true), ("content", Obj(("application/json", Obj(("schema", Ref($"Resource{k}")))))));
        }

        operation["responses"] = Obj(
            ("200", Obj(("description", "OK"), ("content", Obj(("application/json", Obj(("schema", Ref($"Resource{k}")))))))),
            ("404", Obj(("$ref", "#/components/responses/NotFound"))));
        return operation;
    }

    private static JsonObject Ref(string schema) => Obj(("$ref", $"#/components/schemas/{schema}"));

    private static JsonObject Obj(params (string Key, JsonNode? Value)[] members)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in members)
        {
            obj[key] = value;
        }

        return obj;
    }
}
