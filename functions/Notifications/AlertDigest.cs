using Periscope.Functions.Alerts;

namespace Periscope.Functions.Notifications;

/// <summary>
/// What one message says: the alerts of one or more queued notices for a channel (coalesced when the channel's
/// rate limit held them back), each alert once — the latest state by fingerprint — most urgent first: firing
/// before resolved, then by severity, then oldest first.
/// </summary>
internal sealed record AlertDigest(
    string Status,
    string AlertName,
    IReadOnlyDictionary<string, string> GroupLabels,
    IReadOnlyList<AlertNotice> Alerts,
    int Firing,
    int Resolved,
    string? ExternalUrl,
    IReadOnlyList<string> GroupKeys)
{
    private static readonly string[] SeverityOrder = ["critical", "error", "high", "warning", "medium", "info", "low", "none"];

    public static AlertDigest From(IReadOnlyList<AlertGroupNotice> notices)
    {
        var latest = new Dictionary<string, AlertNotice>(StringComparer.Ordinal);
        foreach (var alert in notices.SelectMany(notice => notice.Alerts))
        {
            latest[alert.Fingerprint] = alert;
        }

        var alerts = latest.Values
            .OrderBy(alert => IsFiring(alert) ? 0 : 1)
            .ThenBy(alert => SeverityRank(alert.Labels.GetValueOrDefault("severity")))
            .ThenBy(alert => alert.StartsAt)
            .ThenBy(alert => alert.Id)
            .ToList();
        var firing = alerts.Count(IsFiring);
        var names = alerts.Select(alert => alert.Labels.GetValueOrDefault("alertname") ?? "").Where(name => name.Length > 0).Distinct().ToList();
        var first = notices[0];
        var alertName = first.GroupLabels.GetValueOrDefault("alertname")
            ?? (names.Count switch { 0 => "alert", 1 => names[0], _ => $"{names[0]} (+{names.Count - 1})" });
        return new AlertDigest(
            firing > 0 ? "firing" : "resolved",
            alertName,
            first.GroupLabels,
            alerts,
            firing,
            alerts.Count - firing,
            first.ExternalUrl,
            notices.Select(notice => notice.GroupKey).Distinct().ToList());
    }

    public static bool IsFiring(AlertNotice alert) => !string.Equals(alert.Status, "resolved", StringComparison.OrdinalIgnoreCase);

    /// <summary>Unknown severities sort after the known ones and before alerts with none.</summary>
    public static int SeverityRank(string? severity)
    {
        if (string.IsNullOrEmpty(severity))
        {
            return SeverityOrder.Length + 1;
        }

        var index = Array.FindIndex(SeverityOrder, known => known.Equals(severity, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : SeverityOrder.Length;
    }
}
