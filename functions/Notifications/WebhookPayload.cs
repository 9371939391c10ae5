using System.Text.Json.Serialization;

namespace Periscope.Functions.Notifications;

/// <summary>
/// The generic webhook's body: Alertmanager's webhook payload version 4
/// (prometheus.io/docs/alerting/latest/configuration/#webhook_config), so receivers written for Alertmanager
/// read it unchanged, with Periscope's alert ids and enrichment added to each alert.
/// </summary>
internal sealed record WebhookPayload(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("groupKey")] string GroupKey,
    [property: JsonPropertyName("truncatedAlerts")] int TruncatedAlerts,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("receiver")] string Receiver,
    [property: JsonPropertyName("groupLabels")] IReadOnlyDictionary<string, string> GroupLabels,
    [property: JsonPropertyName("commonLabels")] IReadOnlyDictionary<string, string> CommonLabels,
    [property: JsonPropertyName("commonAnnotations")] IReadOnlyDictionary<string, string> CommonAnnotations,
    [property: JsonPropertyName("externalURL")] string? ExternalUrl,
    [property: JsonPropertyName("alerts")] IReadOnlyList<WebhookAlert> Alerts);
