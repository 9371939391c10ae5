using System.Text.Json.Nodes;

namespace Periscope.OpenApi.Schemas;

/// <summary>Visits every Schema Object of an OpenAPI 3.0 or 3.1 document held as JSON, and lets the visitor change it.</summary>
/// <remarks>
/// Schemas live in components (schemas, and inside parameters, headers, request bodies, responses,
/// callbacks and path items), in paths and webhooks (OpenAPI 3.1 §4.8.1), and inside other schemas under the
/// keywords of <see cref="SchemaKeywords"/>. The visitor sees a schema before its subschemas; it changes an
/// object schema in place, or returns a new node to stand for a boolean schema, and what it returns is then walked. Reference objects outside schemas are skipped: their targets are
/// walked where they are defined.
/// </remarks>
internal static class SchemaWalker
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static void Walk(JsonObject document, Func<JsonNode, JsonNode> visit)
    {
        if (document["components"] is JsonObject components)
        {
            ForEachValue(components["schemas"], (owner, key, schema) => Replace(owner, key, schema, WalkSchema(schema, visit)));
            ForEachValue(components["parameters"], (_, _, parameter) => WalkParameter(parameter, visit));
            ForEachValue(components["headers"], (_, _, header) => WalkParameter(header, visit));
            ForEachValue(components["requestBodies"], (_, _, body) => WalkContent(body, visit));
            ForEachValue(components["responses"], (_, _, response) => WalkResponse(response, visit));
            ForEachValue(components["callbacks"], (_, _, callback) => WalkCallback(callback, visit));
            ForEachValue(components["pathItems"], (_, _, pathItem) => WalkPathItem(pathItem, visit));
        }

        ForEachValue(document["paths"], (_, _, pathItem) => WalkPathItem(pathItem, visit));
        ForEachValue(document["webhooks"], (_, _, pathItem) => WalkPathItem(pathItem, visit));
    }

    private static JsonNode? WalkSchema(JsonNode? schema, Func<JsonNode, JsonNode> visit)
    {
        if (schema is null)
        {
            return null;
        }

        var visited = visit(schema);
        if (visited is not JsonObject obj)
        {
            return visited;
        }

        foreach (var (keyword, value) in obj.ToArray())
        {
            switch (SchemaKeywords.KindOf(keyword))
            {
                case SchemaKeywordKind.Single:
                    Replace(obj, keyword, value, WalkSchema(value, visit));
                    break;
                case SchemaKeywordKind.Array when value is JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        var item = array[i];
                        var replaced = WalkSchema(item, visit);
                        if (!ReferenceEquals(item, replaced))
                        {
                            array[i] = replaced;
                        }
                    }

                    break;
                case SchemaKeywordKind.Map:
                    ForEachValue(value, (owner, key, child) => Replace(owner, key, child, WalkSchema(child, visit)));
                    break;
            }
        }

        return visited;
    }

    private static void WalkPathItem(JsonNode? pathItem, Func<JsonNode, JsonNode> visit)
    {
        if (pathItem is not JsonObject item)
        {
            return;
        }

        ForEachItem(item["parameters"], parameter => WalkParameter(parameter, visit));
        foreach (var method in Methods)
        {
            if (item[method] is JsonObject operation)
            {
                ForEachItem(operation["parameters"], parameter => WalkParameter(parameter, visit));
                WalkContent(operation["requestBody"], visit);
                ForEachValue(operation["responses"], (_, _, response) => WalkResponse(response, visit));
                ForEachValue(operation["callbacks"], (_, _, callback) => WalkCallback(callback, visit));
            }
        }
    }

    private static void WalkCallback(JsonNode? callback, Func<JsonNode, JsonNode> visit) =>
        ForEachValue(callback, (_, _, pathItem) => WalkPathItem(pathItem, visit));

    private static void WalkParameter(JsonNode? parameter, Func<JsonNode, JsonNode> visit)
    {
        if (parameter is JsonObject obj && obj["schema"] is { } schema)
        {
            Replace(obj, "schema", schema, WalkSchema(schema, visit));
        }

        WalkContent(parameter, visit);
    }

    private static void WalkResponse(JsonNode? response, Func<JsonNode, JsonNode> visit)
    {
        if (response is JsonObject obj)
        {
            ForEachValue(obj["headers"], (_, _, header) => WalkParameter(header, visit));
        }

        WalkContent(response, visit);
    }

    // The "content" map of a parameter, header, request body or response: media types with a schema
    // and encodings whose headers have schemas.
    private static void WalkContent(JsonNode? owner, Func<JsonNode, JsonNode> visit)
    {
        if (owner is not JsonObject obj)
        {
            return;
        }

        ForEachValue(obj["content"], (_, _, mediaType) =>
        {
            if (mediaType is not JsonObject media)
            {
                return;
            }

            if (media["schema"] is { } schema)
            {
                Replace(media, "schema", schema, WalkSchema(schema, visit));
            }

            ForEachValue(media["encoding"], (_, _, encoding) =>
            {
                if (encoding is JsonObject encodingObject)
                {
                    ForEachValue(encodingObject["headers"], (_, _, header) => WalkParameter(header, visit));
                }
            });
        });
    }

    private static void Replace(JsonObject owner, string key, JsonNode? old, JsonNode? replacement)
    {
        if (!ReferenceEquals(old, replacement))
        {
            owner[key] = replacement;
        }
    }

    private static void ForEachValue(JsonNode? map, Action<JsonObject, string, JsonNode?> action)
    {
        if (map is JsonObject obj)
        {
            foreach (var (key, value) in obj.ToArray())
            {
                action(obj, key, value);
            }
        }
    }

    private static void ForEachItem(JsonNode? list, Action<JsonNode?> action)
    {
        if (list is JsonArray array)
        {
            foreach (var item in array)
            {
                action(item);
            }
        }
    }
}
