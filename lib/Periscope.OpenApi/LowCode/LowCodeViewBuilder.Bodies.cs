using System.Text.Json.Nodes;
using Periscope.OpenApi.Json;

namespace Periscope.OpenApi.LowCode;

/// <summary>Request bodies and responses: media types with their schemas and examples.</summary>
internal sealed partial class LowCodeViewBuilder
{
    private JsonObject? BuildRequestBody(JsonNode? node, string where)
    {
        if (node is null || _resolver.Follow(node, where) is not { } body)
        {
            return null;
        }

        var view = new JsonObject { ["required"] = JsonFields.IsTrue(body, "required") };
        if ((JsonFields.String(node, "description") ?? JsonFields.String(body, "description")) is { } description)
        {
            view["description"] = description;
        }

        view["content"] = BuildContent(body["content"], where, depth: 3);
        return view;
    }

    private JsonObject BuildResponses(JsonNode? node, string where)
    {
        var view = new JsonObject();
        if (node is not JsonObject responses)
        {
            return view;
        }

        foreach (var (status, value) in responses)
        {
            if (_resolver.Follow(value, where) is not { } response)
            {
                view[status] = value is JsonObject reference && ReferenceResolver.ReferenceOf(reference) is { } target
                    ? new JsonObject { ["$ref"] = target, ["x-periscope-unresolved"] = true }
                    : null;
                continue;
            }

            var entry = new JsonObject
            {
                ["description"] = JsonFields.String(value, "description") ?? JsonFields.String(response, "description"),
            };
            if (response["headers"] is JsonObject headers && headers.Count > 0)
            {
                entry["headers"] = ObjectSchema(ResolveHeaders(headers, where), where, depth: 4);
            }

            if (response["content"] is JsonObject { Count: > 0 } content)
            {
                entry["content"] = BuildContent(content, where, depth: 4);
            }

            view[status] = entry;
        }

        return view;
    }

    private JsonObject BuildContent(JsonNode? content, string where, int depth)
    {
        var view = new JsonObject();
        if (content is not JsonObject mediaTypes)
        {
            return view;
        }

        foreach (var (mediaType, value) in mediaTypes)
        {
            var entry = new JsonObject();
            if (value is JsonObject media)
            {
                if (media["schema"] is { } schema)
                {
                    entry["schema"] = TopLevel(_inliner.Inline(schema, where, depth + 2));
                }

                if (Examples(media, where, depth + 2) is { } examples)
                {
                    entry["examples"] = examples;
                }
            }

            view[mediaType] = entry;
        }

        return view;
    }

    // "example" holds one value; "examples" maps names to Example Objects (or references to them) whose
    // "value" is the example (§4.8.19). External values are not fetched. The array sits at `depth`.
    private JsonArray? Examples(JsonObject owner, string where, int depth)
    {
        if (owner["examples"] is JsonObject named)
        {
            var values = new JsonArray();
            foreach (var (_, node) in named)
            {
                if (_resolver.Follow(node, where) is { } example && example.TryGetPropertyValue("value", out var value))
                {
                    if (TryCopyExample(value, depth, out var copy))
                    {
                        values.Add(copy);
                    }
                }
            }

            return values.Count > 0 ? values : null;
        }

        return owner.TryGetPropertyValue("example", out var single) && TryCopyExample(single, depth, out var singleCopy)
            ? new JsonArray(singleCopy)
            : null;
    }

    private bool TryCopyExample(JsonNode? value, int arrayDepth, out JsonNode? copy)
    {
        if (_budget.TryClone(value, SchemaInliner.DefaultMaxDepth - arrayDepth, out copy))
        {
            return true;
        }

        _examplesDropped = true;
        return false;
    }
}
