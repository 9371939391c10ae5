using System.Text.Json.Serialization;
using Periscope.Functions.Alerts;

namespace Periscope.Functions.Notifications;

/// <summary>What Periscope adds to each webhook alert: its id (GET /api/alerts/{id}) and enrichment.</summary>
internal sealed record WebhookAlertExtension(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("enrichment")] AlertEnrichment Enrichment);
