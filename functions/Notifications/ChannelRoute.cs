namespace Periscope.Functions.Notifications;

/// <summary>
/// Which alerts a channel gets. An empty list admits every value; every condition given must hold.
/// </summary>
/// <param name="Severities">The <c>severity</c> label's values admitted (case-insensitive).</param>
/// <param name="Namespaces">The alert's namespaces admitted (its <c>namespace</c> label).</param>
/// <param name="Matchers">
/// Label name → regular expression the label's value must match in full (anchored, as Alertmanager's
/// <c>match_re</c>: prometheus.io/docs/alerting/latest/configuration/#matcher); a plain value matches itself.
/// A label the alert lacks has the value "".
/// </param>
internal sealed record ChannelRoute(
    IReadOnlyList<string> Severities,
    IReadOnlyList<string> Namespaces,
    IReadOnlyDictionary<string, string> Matchers)
{
    public static ChannelRoute All { get; } = new([], [], new Dictionary<string, string>());
}
