using System.Text.Json.Nodes;
using Periscope.OpenApi.Json;
using Periscope.OpenApi.Operations;

namespace Periscope.OpenApi.LowCode;

/// <summary>Builds the low-code view of an operation: its inputs and outputs as self-contained JSON Schemas.</summary>
/// <remarks>
/// <list type="number">
/// <item>Parameters of the path item and of the operation are merged, the operation's winning for the
/// same name and location (OpenAPI 3.1 §4.8.9.1), and grouped by location into one object schema each.</item>
/// <item>The request body and each response list their media types with the inlined schema.</item>
/// <item>Every top-level schema names its dialect with <c>$schema</c>, so a form builder can validate with it alone.</item>
/// </list>
/// </remarks>
internal sealed class LowCodeViewBuilder
{
    private const string SchemaDialect = "https://json-schema.org/draft/2020-12/schema";
    private static readonly string[] Locations = ["path", "query", "header", "cookie"];

    private readonly ReferenceResolver _resolver;
    private readonly SchemaInliner _inliner;
    private readonly ExpansionBudget _budget;
    private readonly List<ParseDiagnostic> _diagnostics;
    private bool _reportedDocumentLimit;

    public LowCodeViewBuilder(ReferenceResolver resolver, SchemaInliner inliner, ExpansionBudget budget, List<ParseDiagnostic> diagnostics)
    {
        _resolver = resolver;
        _inliner = inliner;
        _budget = budget;
        _diagnostics = diagnostics;
    }

    public string Build(OperationSite site)
    {
        _budget.StartOperation();
        _inliner.ResetTruncation();
        var operation = site.Operation;
        var view = new JsonObject
        {
            ["method"] = site.Method,
            ["path"] = site.Path,
            ["operationId"] = JsonFields.String(operation, "operationId"),
            ["summary"] = JsonFields.String(operation, "summary"),
            ["description"] = JsonFields.String(operation, "description"),
            ["tags"] = new JsonArray([.. JsonFields.Strings(operation, "tags").Select(tag => JsonValue.Create(tag))]),
            ["deprecated"] = JsonFields.IsTrue(operation, "deprecated"),
            ["parameters"] = BuildParameters(site),
            ["requestBody"] = BuildRequestBody(operation["requestBody"], site.Pointer),
            ["responses"] = BuildResponses(operation["responses"], site.Pointer),
        };

        ReportLimits(site.Pointer);
        return view.ToJsonString();
    }

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
                parameters[location] = ObjectSchema(group, site.Pointer);
            }
        }

        return parameters;
    }

    // Parameters and headers become the properties of one object schema. A path parameter is always
    // required (§4.8.12.2: "this field is REQUIRED and its value MUST be true").
    private JsonObject ObjectSchema(IEnumerable<InputField> fields, string where)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var field in fields)
        {
            properties[field.Name] = FieldSchema(field, where);
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

    private JsonObject FieldSchema(InputField field, string where)
    {
        var definition = field.Definition;
        var source = definition["schema"] ?? FirstMediaTypeSchema(definition["content"]);
        var schema = SchemaInliner.AsObject(_inliner.Inline(source, where));
        if (field.Description is { } description)
        {
            schema["description"] = description;
        }

        if (JsonFields.IsTrue(definition, "deprecated"))
        {
            schema["deprecated"] = true;
        }

        if (Examples(definition, where) is { } examples)
        {
            schema["examples"] = examples;
        }

        return schema;
    }

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

        view["content"] = BuildContent(body["content"], where);
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
                entry["headers"] = ObjectSchema(ResolveHeaders(headers, where), where);
            }

            if (response["content"] is JsonObject { Count: > 0 } content)
            {
                entry["content"] = BuildContent(content, where);
            }

            view[status] = entry;
        }

        return view;
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

    private JsonObject BuildContent(JsonNode? content, string where)
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
                    entry["schema"] = TopLevel(_inliner.Inline(schema, where));
                }

                if (Examples(media, where) is { } examples)
                {
                    entry["examples"] = examples;
                }
            }

            view[mediaType] = entry;
        }

        return view;
    }

    // "example" holds one value; "examples" maps names to Example Objects (or references to them) whose
    // "value" is the example (§4.8.19). External values are not fetched.
    private JsonArray? Examples(JsonObject owner, string where)
    {
        if (owner["examples"] is JsonObject named)
        {
            var values = new JsonArray();
            foreach (var (_, node) in named)
            {
                if (_resolver.Follow(node, where) is { } example && example.TryGetPropertyValue("value", out var value)
                    && _budget.TryClone(value, out var copy))
                {
                    values.Add(copy);
                }
            }

            return values.Count > 0 ? values : null;
        }

        return owner.TryGetPropertyValue("example", out var single) && _budget.TryClone(single, out var singleCopy)
            ? new JsonArray(singleCopy)
            : null;
    }

    private static JsonNode? FirstMediaTypeSchema(JsonNode? content) =>
        content is JsonObject mediaTypes ? mediaTypes.Select(media => media.Value?["schema"]).FirstOrDefault(schema => schema is not null) : null;

    private static JsonObject TopLevel(JsonNode? schema)
    {
        var obj = SchemaInliner.AsObject(schema);
        obj.Remove("$schema");
        obj.Insert(0, "$schema", SchemaDialect);
        return obj;
    }

    private void ReportLimits(string where)
    {
        if (_budget.DocumentExhausted)
        {
            if (!_reportedDocumentLimit)
            {
                _reportedDocumentLimit = true;
                _diagnostics.Add(ParseDiagnostic.WarningAt("The document's low-code views reached their total size limit; this and later operations' views are truncated.", where));
            }
        }
        else if (_inliner.Truncated)
        {
            _diagnostics.Add(ParseDiagnostic.WarningAt("This operation's low-code view reached a depth or size limit and is truncated (x-periscope-truncated).", where));
        }
    }

    /// <summary>A parameter or header; a reference to one may override its description (§4.8.23, Reference Object).</summary>
    private readonly record struct InputField(string Name, JsonObject Definition, string? Description, bool Required)
    {
        public static InputField From(string name, JsonObject definition, JsonNode? referrer, bool required) =>
            new(name, definition, JsonFields.String(referrer, "description") ?? JsonFields.String(definition, "description"), required);
    }
}
