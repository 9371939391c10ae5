using System.Text.Json.Serialization;

namespace Periscope.Functions.Alerts;

/// <summary>
/// Alertmanager's webhook body, version 4 (prometheus.io/docs/alerting/latest/configuration/#webhook_config),
/// as it arrives: every member optional here, so that what is missing is reported by name rather than by
/// a deserializer message (<see cref="AlertmanagerPayloadReader"/>).
/// </summary>
internal sealed record AlertmanagerPayload
{
    public string? Version { get; init; }

    public string? GroupKey { get; init; }

    public int? TruncatedAlerts { get; init; }

    public string? Status { get; init; }

    public string? Receiver { get; init; }

    public Dictionary<string, string>? GroupLabels { get; init; }

    public Dictionary<string, string>? CommonLabels { get; init; }

    public Dictionary<string, string>? CommonAnnotations { get; init; }

    [JsonPropertyName("externalURL")]
    public string? ExternalUrl { get; init; }

    public List<AlertmanagerAlert?>? Alerts { get; init; }
}
