using System.Text.Json.Serialization;
using Periscope.Functions.Alerts;

namespace Periscope.Functions.Notifications;

/// <summary>One alert of a <see cref="WebhookPayload"/>, as Alertmanager writes it, plus <c>periscope</c>.</summary>
internal sealed record WebhookAlert(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string> Labels,
    [property: JsonPropertyName("annotations")] IReadOnlyDictionary<string, string> Annotations,
    [property: JsonPropertyName("startsAt")] DateTimeOffset StartsAt,
    [property: JsonPropertyName("endsAt")] DateTimeOffset? EndsAt,
    [property: JsonPropertyName("generatorURL")] string? GeneratorUrl,
    [property: JsonPropertyName("fingerprint")] string Fingerprint,
    [property: JsonPropertyName("periscope")] WebhookAlertExtension Periscope)
{
    public static WebhookAlert From(AlertNotice alert) => new(
        alert.Status,
        alert.Labels,
        alert.Annotations,
        alert.StartsAt,
        alert.EndsAt,
        alert.GeneratorUrl,
        alert.Fingerprint,
        new WebhookAlertExtension(alert.Id, alert.Enrichment));
}
