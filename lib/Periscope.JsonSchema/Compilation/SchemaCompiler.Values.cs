using System.Text.Json;
using Periscope.JsonSchema.Evaluation;
using Periscope.JsonSchema.Json;
using Periscope.JsonSchema.Keywords;

namespace Periscope.JsonSchema.Compilation;

/// <summary>Reading keyword values: subschemas by their JSON Pointers, and the checks that make a malformed value a <see cref="JsonSchemaException"/>.</summary>
internal sealed partial class SchemaCompiler
{
    private static void AddCount(JsonElement schema, string keyword, string pointer, bool upper, List<Keyword> keywords)
    {
        if (schema.TryGetProperty(keyword, out var value))
        {
            keywords.Add(new CountKeyword(keyword, RequireCount(value, keyword, pointer), upper));
        }
    }

    private SchemaNode Subschema(JsonElement value, string keyword, string pointer, Uri baseUri) =>
        CompileAt(value, $"{pointer}/{JsonPointer.Escape(keyword)}", baseUri);

    private SchemaNode[] SchemaArray(JsonElement value, string keyword, string pointer, Uri baseUri)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            throw new JsonSchemaException($"'{keyword}' at {Where(pointer)} must be a non-empty array of schemas.");
        }

        var prefix = $"{pointer}/{JsonPointer.Escape(keyword)}/";
        return [.. value.EnumerateArray().Select((item, index) => CompileAt(item, prefix + index, baseUri))];
    }

    private Dictionary<string, SchemaNode> SchemaMap(JsonElement value, string keyword, string pointer, Uri baseUri)
    {
        var prefix = $"{pointer}/{JsonPointer.Escape(keyword)}/";
        var map = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        foreach (var entry in RequireObject(value, keyword, pointer).EnumerateObject())
        {
            map[entry.Name] = CompileAt(entry.Value, prefix + JsonPointer.Escape(entry.Name), baseUri);
        }

        return map;
    }

    private static string RequireString(JsonElement value, string keyword, string pointer) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new JsonSchemaException($"'{keyword}' at {Where(pointer)} must be a string.");

    private static string[] RequireStrings(JsonElement value, string keyword, string pointer) =>
        value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String)
            ? [.. value.EnumerateArray().Select(item => item.GetString()!)]
            : throw new JsonSchemaException($"'{keyword}' at {Where(pointer)} must be an array of strings.");

    private static JsonElement RequireObject(JsonElement value, string keyword, string pointer) =>
        value.ValueKind == JsonValueKind.Object
            ? value
            : throw new JsonSchemaException($"'{keyword}' at {Where(pointer)} must be an object.");

    private static JsonNumber RequireNumber(JsonElement value, string keyword, string pointer) =>
        value.ValueKind == JsonValueKind.Number
            ? JsonNumber.From(value)
            : throw new JsonSchemaException($"'{keyword}' at {Where(pointer)} must be a number.");

    // Validation 2020-12 §6.3–6.5: these values are non-negative integers; 2.0 counts as 2.
    private static long RequireCount(JsonElement value, string keyword, string pointer)
    {
        var number = value.ValueKind == JsonValueKind.Number ? JsonNumber.From(value) : default;
        if (value.ValueKind != JsonValueKind.Number || !number.IsInteger || number.Double < 0)
        {
            throw new JsonSchemaException($"'{keyword}' at {Where(pointer)} must be a non-negative integer.");
        }

        return number.Decimal is { } exact && exact <= long.MaxValue ? (long)exact : long.MaxValue;
    }
}
