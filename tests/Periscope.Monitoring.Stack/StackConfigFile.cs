using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Periscope.Monitoring.Stack;

/// <summary>
/// Writes a Prometheus or Alertmanager configuration. Both read YAML, and JSON is YAML's flow style
/// (YAML 1.2 §1.3 "YAML can therefore be viewed as a natural superset of JSON"; go-yaml parses it), so the
/// document is built as JSON: every user value is quoted and escaped by the serializer, not by hand.
/// </summary>
internal static class StackConfigFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(string path, JsonObject document) =>
        File.WriteAllText(path, document.ToJsonString(Options));

    /// <summary>A Prometheus duration (model.ParseDuration): whole milliseconds, which it always accepts.</summary>
    public static string Duration(TimeSpan value) =>
        ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    public static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray());

    /// <summary>host:port of an HTTP address, as a static_configs target.</summary>
    public static string HostPort(Uri address) =>
        address.IsDefaultPort ? $"{address.Host}:{(address.Scheme == "https" ? 443 : 80)}" : $"{address.Host}:{address.Port}";
}
