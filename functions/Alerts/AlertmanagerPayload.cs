using System.Text.Json.Serialization;

namespace Periscope.Functions.Alerts;

/// <summary>
/// Alertmanager's webhook body, version 4 (prometheus.io/docs/alerting/latest/configuration/#webhook_config),
/// as it arrives: every member optional here, so that what is missing is reported by name rather than by
/// a deserializer message (<see cref="AlertmanagerPayloadReader"/>).
/// </summary>
// Settable, not init-only: System.Text.Json reads init-only members through its parameterized-constructor
// converter, which cost a 1,000-alert payload about twice the parse time (measured with dotnet-trace).
internal sealed record AlertmanagerPayload
{
    public string? Version { get; set; }

    public string? GroupKey { get; set; }

    public int? TruncatedAlerts { get; set; }

    public string? Status { get; set; }

    public string? Receiver { get; set; }

    public Dictionary<string, string>? GroupLabels { get; set; }

    public Dictionary<string, string>? CommonLabels { get; set; }

    public Dictionary<string, string>? CommonAnnotations { get; set; }

    [JsonPropertyName("externalURL")]
    public string? ExternalUrl { get; set; }

    public List<AlertmanagerAlert?>? Alerts { get; set; }
}
