using System.Text.Json.Nodes;

namespace Periscope.Kubernetes.Emulator.Storage;

/// <summary>Small readers over JsonNode that never throw on a wrong type.</summary>
internal static class Json
{
    public static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>An integer however it is held (parsed JSON or a CLR value), else null.</summary>
    public static long? Long(JsonNode? node) => node is JsonValue && long.TryParse(node.ToJsonString(), out var l) ? l : null;

    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            obj["metadata"] = metadata = [];
        }

        return metadata;
    }

    public static IReadOnlyDictionary<string, string> Labels(JsonObject? obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj?["metadata"]?["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                labels[key] = Str(value) ?? "";
            }
        }

        return labels;
    }

    /// <summary>A field's value as a field selector compares it: a string, or a scalar's JSON text.</summary>
    public static string FieldValue(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => node.ToJsonString(),
        };
    }
}
