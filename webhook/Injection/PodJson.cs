using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Periscope.Webhook.Injection;

/// <summary>Tolerant reads from a pod as JSON: a field of the wrong type counts as absent, never throws.</summary>
internal static class PodJson
{
    public static JsonObject? Object(JsonNode? node, string name) => (node as JsonObject)?[name] as JsonObject;

    public static JsonArray? Array(JsonNode? node, string name) => (node as JsonObject)?[name] as JsonArray;

    public static string? String(JsonNode? node, string name) =>
        (node as JsonObject)?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static string? Annotation(JsonNode pod, string key) => String(Object(pod["metadata"], "annotations"), key);

    public static string? Label(JsonNode pod, string key) => String(Object(pod["metadata"], "labels"), key);

    public static bool True(JsonNode? node, string name) =>
        (node as JsonObject)?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    /// <summary>An integer field, also when a YAML-to-JSON conversion left it a string.</summary>
    public static int? Int(JsonNode? node, string name) => (node as JsonObject)?[name] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue => (int)l,
        JsonValue v when v.GetValueKind() == JsonValueKind.String
            && int.TryParse(v.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) => s,
        _ => null,
    };

    public static IEnumerable<JsonObject> Objects(JsonArray? array) => array?.OfType<JsonObject>() ?? [];
}
