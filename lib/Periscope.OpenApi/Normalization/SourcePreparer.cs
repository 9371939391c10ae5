using System.Text.Json;
using System.Text.Json.Nodes;
using Periscope.OpenApi.Reading;
using Periscope.OpenApi.Schemas;

namespace Periscope.OpenApi.Normalization;

/// <summary>Rewrites a source document, before Microsoft.OpenApi reads it, around what that library loses.</summary>
/// <remarks>
/// Found by feeding Microsoft.OpenApi 2.13 small documents:
/// <list type="number">
/// <item>OpenAPI 3.0 <c>nullable: true</c> on a schema without <c>type</c> (the usual
/// <c>allOf: [$ref], nullable: true</c>) is dropped when the model is written as 3.1. Such schemas get a
/// <see cref="NullableMarker"/> extension, which the library keeps, and <see cref="NormalizedFixups"/> turns it
/// into a null alternative.</item>
/// <item>OpenAPI 3.1 boolean schemas (JSON Schema 2020-12 §4.3.2) crash the reader as property values
/// and vanish inside allOf; they are rewritten as the equivalent objects: <c>true</c> as <c>{}</c>,
/// <c>false</c> as <c>{"not": {}}</c>.</item>
/// <item>A 3.0-style boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> in a 3.1 document is written
/// back as the invalid JSON token <c>True</c>; it is converted to the 3.1 numeric form.</item>
/// </list>
/// </remarks>
internal static class SourcePreparer
{
    public const string NullableMarker = "x-periscope-nullable";

    public static void Prepare(JsonObject document, SpecificationKind kind, List<ParseDiagnostic> diagnostics)
    {
        if (kind == SpecificationKind.OpenApi30)
        {
            SchemaWalker.Walk(document, MarkTypelessNullable);
        }
        else if (kind == SpecificationKind.OpenApi31)
        {
            var convertedBooleanBounds = false;
            SchemaWalker.Walk(document, schema => PrepareOpenApi31Schema(schema, ref convertedBooleanBounds));
            if (convertedBooleanBounds)
            {
                diagnostics.Add(ParseDiagnostic.WarningAt(
                    "Boolean exclusiveMinimum/exclusiveMaximum is OpenAPI 3.0 syntax; in 3.1 they are numbers. Converted."));
            }
        }
    }

    private static JsonNode MarkTypelessNullable(JsonNode schema)
    {
        if (schema is JsonObject obj && !obj.ContainsKey("type") && IsTrue(obj["nullable"]))
        {
            obj[NullableMarker] = true;
        }

        return schema;
    }

    private static JsonNode PrepareOpenApi31Schema(JsonNode schema, ref bool convertedBooleanBounds)
    {
        if (schema is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValueKind() == JsonValueKind.True ? new JsonObject() : new JsonObject { ["not"] = new JsonObject() };
        }

        if (schema is JsonObject obj)
        {
            convertedBooleanBounds |= ConvertBooleanBound(obj, "exclusiveMinimum", "minimum");
            convertedBooleanBounds |= ConvertBooleanBound(obj, "exclusiveMaximum", "maximum");
        }

        return schema;
    }

    // OpenAPI 3.0 §4.7.24.1 (JSON Schema draft-wright-00): a true exclusiveMinimum makes minimum exclusive;
    // 3.1 (JSON Schema 2020-12 Validation §6.2.5) carries the bound itself in exclusiveMinimum.
    private static bool ConvertBooleanBound(JsonObject schema, string exclusiveKeyword, string boundKeyword)
    {
        if (schema[exclusiveKeyword] is not JsonValue flag || flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return false;
        }

        schema.Remove(exclusiveKeyword);
        if (flag.GetValueKind() == JsonValueKind.True && schema[boundKeyword] is { } bound)
        {
            schema.Remove(boundKeyword);
            schema[exclusiveKeyword] = bound;
        }

        return true;
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.True;
}
