namespace Periscope.Functions.Alerts;

/// <summary>
/// An Alertmanager group as last received. <see cref="Note"/> says when a payload was cut by the webhook's
/// <c>max_alerts</c> (<c>truncatedAlerts</c> &gt; 0): the alerts left out were never seen here.
/// </summary>
internal sealed record AlertGroupRecord(
    string GroupKey,
    string Receiver,
    string Status,
    IReadOnlyDictionary<string, string> GroupLabels,
    string? ExternalUrl,
    int TruncatedAlerts,
    string? Note,
    DateTimeOffset LastReceived);
