using System.Text.Json;
using System.Text.Json.Nodes;
using Periscope.OpenApi.Reading;
using Periscope.OpenApi.Schemas;

namespace Periscope.OpenApi.Normalization;

/// <summary>Completes the OpenAPI 3.1 form of a document after Microsoft.OpenApi has written it.</summary>
/// <remarks>
/// <list type="number">
/// <item>Keywords the library does not model (prefixItems, $schema, a stray nullable...) come out wrapped
/// in an <c>unrecognizedKeywords</c> object; they are put back on the schema.</item>
/// <item><c>{"not": {}}</c>, the library's spelling of the false schema, is written as <c>false</c>.</item>
/// <item>For upgraded 2.0 and 3.0 documents: the <see cref="SourcePreparer.NullableMarker"/> becomes a
/// <c>"null"</c> type or an <c>anyOf</c> with <c>{"type": "null"}</c>, and so does Swagger 2.0's
/// <c>x-nullable</c> extension where the library left it (formData parameters); and the schema
/// <c>example</c>, deprecated in 3.1 (§4.8.24.1), becomes <c>examples: [example]</c>. An enum is left as
/// it is: OpenAPI 3.0.3 settled that <c>nullable</c> does not add null to an enum (OAI proposal 003,
/// "Clarify Nullable"), which is what 2020-12 says too.</item>
/// <item>For 2.0 documents, the <see cref="Swagger20Fixups"/>.</item>
/// </list>
/// </remarks>
internal static class NormalizedFixups
{
    private const string UnrecognizedKeywords = "unrecognizedKeywords";

    public static void Apply(JsonObject document, SpecificationKind sourceKind)
    {
        var upgraded = sourceKind != SpecificationKind.OpenApi31;
        SchemaWalker.Walk(document, schema => FixSchema(schema, upgraded));
        if (sourceKind == SpecificationKind.Swagger20)
        {
            Swagger20Fixups.Apply(document);
        }
    }

    private static JsonNode FixSchema(JsonNode schema, bool upgraded)
    {
        if (schema is not JsonObject obj)
        {
            return schema;
        }

        if (obj.Count == 1 && obj["not"] is JsonObject { Count: 0 })
        {
            return JsonValue.Create(false);
        }

        if (obj[UnrecognizedKeywords] is JsonObject unrecognized)
        {
            obj.Remove(UnrecognizedKeywords);
            foreach (var (keyword, value) in unrecognized.ToArray())
            {
                unrecognized.Remove(keyword);
                obj.TryAdd(keyword, value);
            }
        }

        if (upgraded)
        {
            MoveExampleToExamples(obj);
            ApplyNullable(obj);
        }

        return obj;
    }

    private static void MoveExampleToExamples(JsonObject schema)
    {
        if (!schema.TryGetPropertyValue("example", out var example))
        {
            return;
        }

        schema.Remove("example");
        if (!schema.ContainsKey("examples"))
        {
            schema["examples"] = new JsonArray(example);
        }
    }

    private static void ApplyNullable(JsonObject schema)
    {
        if (schema.Remove(SourcePreparer.NullableMarker) | RemoveTrue(schema, "x-nullable"))
        {
            switch (schema["type"])
            {
                case JsonValue single:
                    schema["type"] = new JsonArray(single.DeepClone(), "null");
                    break;
                case JsonArray types when !ContainsString(types, "null"):
                    types.Add("null");
                    break;
                case null:
                    WrapInNullAlternative(schema);
                    break;
            }
        }
    }

    // The schema becomes anyOf: [<its former self>, {"type": "null"}], changed in place so the walker's
    // parent keeps pointing at it.
    private static void WrapInNullAlternative(JsonObject schema)
    {
        var inner = new JsonObject();
        foreach (var (keyword, value) in schema.ToArray())
        {
            schema.Remove(keyword);
            inner[keyword] = value;
        }

        schema["anyOf"] = new JsonArray(inner, new JsonObject { ["type"] = "null" });
    }

    private static bool RemoveTrue(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.GetValueKind() == JsonValueKind.True && schema.Remove(keyword);

    private static bool ContainsString(JsonArray array, string text) =>
        array.Any(item => item is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == text);
}
