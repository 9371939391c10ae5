using System.Text.Json;
using System.Text.Json.Serialization;

namespace Periscope.Functions.Alerts;

/// <summary>
/// Source-generated reading of Alertmanager's bodies: a 1,000-alert payload is parsed on the request path, so no
/// reflection; unknown members are skipped (newer Alertmanagers add some).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AlertmanagerPayload))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<AlertmanagerSilence>))]
[JsonSerializable(typeof(AlertmanagerSilenceCreated))]
[JsonSerializable(typeof(AlertmanagerSilencePost))]
internal sealed partial class AlertsJsonContext : JsonSerializerContext;
