namespace Periscope.Functions.Alerts;

/// <summary>A payload as <see cref="AlertmanagerPayloadReader"/> accepted it.</summary>
internal sealed record ReceivedGroup(
    string GroupKey,
    string Receiver,
    string Status,
    IReadOnlyDictionary<string, string> GroupLabels,
    IReadOnlyDictionary<string, string> CommonLabels,
    IReadOnlyDictionary<string, string> CommonAnnotations,
    string? ExternalUrl,
    int TruncatedAlerts,
    IReadOnlyList<ReceivedAlert> Alerts);
