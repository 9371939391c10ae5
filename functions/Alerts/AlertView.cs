namespace Periscope.Functions.Alerts;

/// <summary>One alert in <c>GET /api/alerts</c>.</summary>
internal sealed record AlertView(
    long Id,
    string Fingerprint,
    string Status,
    bool Acknowledged,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string? GeneratorUrl,
    string GroupKey,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DateTimeOffset ChangedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy)
{
    public static AlertView From(StoredAlert alert) => new(
        alert.Id, alert.Fingerprint, alert.Status, alert.AcknowledgedAt is not null, alert.Labels, alert.Annotations, alert.StartsAt,
        alert.EndsAt, alert.GeneratorUrl, alert.GroupKey, alert.FirstSeen, alert.LastSeen, alert.ChangedAt, alert.AcknowledgedAt,
        alert.AcknowledgedBy);
}
