using Periscope.Functions.Alerts;

namespace Periscope.Functions.Tests.Notifications;

/// <summary>Alerts and notices as the Alertmanager receiver would hand them over.</summary>
internal static class NotificationSamples
{
    public static readonly DateTimeOffset StartsAt = new(2026, 11, 22, 14, 5, 0, TimeSpan.Zero);

    public static AlertNotice Alert(
        long id,
        string name = "HighCpu",
        string severity = "critical",
        string ns = "shop",
        string status = "firing",
        string? fingerprint = null,
        AlertEnrichment? enrichment = null) => new(
        id,
        fingerprint ?? $"fp{id:x8}",
        status,
        new Dictionary<string, string> { ["alertname"] = name, ["severity"] = severity, ["namespace"] = ns, ["pod"] = $"orders-{id}" },
        new Dictionary<string, string>
        {
            ["summary"] = $"CPU above 90% on orders-{id}",
            ["description"] = "The pod has used more than 90% of its CPU limit for 5 minutes.",
            ["runbook_url"] = "https://runbooks.example.com/HighCpu",
        },
        StartsAt,
        status == "resolved" ? StartsAt.AddMinutes(10) : null,
        "http://prometheus.example:9090/graph?g0.expr=cpu",
        enrichment ?? AlertEnrichment.None);

    public static AlertGroupNotice Notice(string groupKey, params AlertNotice[] alerts) => new(
        groupKey,
        "periscope",
        alerts.Any(alert => alert.Status == "firing") ? "firing" : "resolved",
        new Dictionary<string, string> { ["alertname"] = alerts[0].Labels["alertname"] },
        new Dictionary<string, string> { ["alertname"] = alerts[0].Labels["alertname"] },
        new Dictionary<string, string>(),
        "http://alertmanager.example:9093",
        alerts);

    public static AlertNotice[] Many(long firstId, int count, string ns = "shop") =>
        Enumerable.Range(0, count).Select(index => Alert(firstId + index, severity: index % 10 == 0 ? "critical" : "warning", ns: ns)).ToArray();
}
