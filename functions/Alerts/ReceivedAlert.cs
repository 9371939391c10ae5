namespace Periscope.Functions.Alerts;

/// <summary>One alert of a payload, checked: <see cref="EndsAt"/> null unless resolved; a fingerprint always present.</summary>
internal sealed record ReceivedAlert(
    string Fingerprint,
    string Status,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string? GeneratorUrl);
