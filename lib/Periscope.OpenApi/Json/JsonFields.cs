using System.Text.Json;
using System.Text.Json.Nodes;

namespace Periscope.OpenApi.Json;

/// <summary>Typed reads of fields of a JSON object that tolerate missing or mistyped values.</summary>
internal static class JsonFields
{
    public static string? String(JsonNode? owner, string name) =>
        owner is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    public static bool IsTrue(JsonNode? owner, string name) =>
        owner is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static IReadOnlyList<string> Strings(JsonNode? owner, string name)
    {
        if (owner is not JsonObject obj || obj[name] is not JsonArray array)
        {
            return [];
        }

        var strings = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                strings.Add(value.GetValue<string>());
            }
        }

        return strings;
    }
}
