namespace Periscope.Functions.Alerts;

/// <summary>
/// One Alertmanager group's changes, as the receiver got them (Alertmanager webhook payload version 4:
/// prometheus.io/docs/alerting/latest/configuration/#webhook_config).
/// </summary>
/// <param name="GroupKey">Alertmanager's <c>groupKey</c>: the same for every payload of one group.</param>
/// <param name="Receiver">The Alertmanager receiver that sent it.</param>
/// <param name="Status"><c>firing</c> when any alert in the group fires, else <c>resolved</c>.</param>
/// <param name="GroupLabels">The labels the group is keyed by.</param>
/// <param name="CommonLabels">Labels every alert of the payload shares.</param>
/// <param name="CommonAnnotations">Annotations every alert of the payload shares.</param>
/// <param name="ExternalUrl">Alertmanager's external URL (for links back).</param>
/// <param name="Alerts">The alerts whose state changed, never empty.</param>
internal sealed record AlertGroupNotice(
    string GroupKey,
    string Receiver,
    string Status,
    IReadOnlyDictionary<string, string> GroupLabels,
    IReadOnlyDictionary<string, string> CommonLabels,
    IReadOnlyDictionary<string, string> CommonAnnotations,
    string? ExternalUrl,
    IReadOnlyList<AlertNotice> Alerts);
