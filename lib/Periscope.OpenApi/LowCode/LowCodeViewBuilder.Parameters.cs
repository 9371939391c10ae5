using System.Text.Json.Nodes;
using Periscope.OpenApi.Json;
using Periscope.OpenApi.Operations;

namespace Periscope.OpenApi.LowCode;

/// <summary>Parameters and response headers: named fields gathered into one object schema per location.</summary>
internal sealed partial class LowCodeViewBuilder
{
    private static readonly string[] Locations = ["path", "query", "header", "cookie"];

    private JsonObject BuildParameters(OperationSite site)
    {
        var merged = new List<InputField>();
        var positions = new Dictionary<(string Location, string Name), int>();
        foreach (var list in new[] { site.PathParameters, site.Operation["parameters"] as JsonArray })
        {
            foreach (var node in list ?? [])
            {
                if (_resolver.Follow(node, site.Pointer) is not { } parameter
                    || JsonFields.String(parameter, "name") is not { } name
                    || JsonFields.String(parameter, "in") is not { } location)
                {
                    continue;
                }

                // OpenAPI 3.1 §4.8.12.1: a header parameter named Accept, Content-Type or Authorization "SHALL be ignored".
                if (location == "header" && name.ToUpperInvariant() is "ACCEPT" or "CONTENT-TYPE" or "AUTHORIZATION")
                {
                    continue;
                }

                var field = InputField.From(name, parameter, node, required: location == "path" || JsonFields.IsTrue(parameter, "required"));
                if (positions.TryGetValue((location, name), out var position))
                {
                    merged[position] = field;
                }
                else
                {
                    positions[(location, name)] = merged.Count;
                    merged.Add(field);
                }
            }
        }

        var parameters = new JsonObject();
        foreach (var location in Locations)
        {
            var group = merged.Where(field => JsonFields.String(field.Definition, "in") == location).ToList();
            if (group.Count > 0)
            {
                parameters[location] = ObjectSchema(group, site.Pointer, depth: 3);
            }
        }

        return parameters;
    }

    // Parameters and headers become the properties of one object schema. A path parameter is always
    // required (§4.8.12.2: "this field is REQUIRED and its value MUST be true").
    private JsonObject ObjectSchema(IEnumerable<InputField> fields, string where, int depth)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var field in fields)
        {
            properties[field.Name] = FieldSchema(field, where, depth + 2);
            if (field.Required)
            {
                required.Add(field.Name);
            }
        }

        var schema = new JsonObject { ["$schema"] = SchemaDialect, ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        return schema;
    }

    private JsonObject FieldSchema(InputField field, string where, int depth)
    {
        var definition = field.Definition;
        var source = definition["schema"] ?? FirstMediaTypeSchema(definition["content"]);
        var schema = SchemaInliner.AsObject(_inliner.Inline(source, where, depth));
        if (field.Description is { } description)
        {
            schema["description"] = description;
        }

        if (JsonFields.IsTrue(definition, "deprecated"))
        {
            schema["deprecated"] = true;
        }

        if (Examples(definition, where, depth + 1) is { } examples)
        {
            schema["examples"] = examples;
        }

        return schema;
    }

    private IEnumerable<InputField> ResolveHeaders(JsonObject headers, string where)
    {
        foreach (var (name, value) in headers)
        {
            // RFC 9110 §8.3: Content-Type describes the body, not a header a caller reads; OpenAPI 3.1
            // §4.8.21.1 says such a response header "SHALL be ignored".
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && _resolver.Follow(value, where) is { } header)
            {
                yield return InputField.From(name, header, value, JsonFields.IsTrue(header, "required"));
            }
        }
    }

    private static JsonNode? FirstMediaTypeSchema(JsonNode? content) =>
        content is JsonObject mediaTypes ? mediaTypes.Select(media => media.Value?["schema"]).FirstOrDefault(schema => schema is not null) : null;

    /// <summary>A parameter or header; a reference to one may override its description (§4.8.23, Reference Object).</summary>
    private readonly record struct InputField(string Name, JsonObject Definition, string? Description, bool Required)
    {
        public static InputField From(string name, JsonObject definition, JsonNode? referrer, bool required) =>
            new(name, definition, JsonFields.String(referrer, "description") ?? JsonFields.String(definition, "description"), required);
    }
}
