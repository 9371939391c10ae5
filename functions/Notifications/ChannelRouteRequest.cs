namespace Periscope.Functions.Notifications;

/// <summary>The <c>route</c> of a <see cref="ChannelRequest"/>; absent lists admit everything.</summary>
internal sealed record ChannelRouteRequest(
    IReadOnlyList<string>? Severities,
    IReadOnlyList<string>? Namespaces,
    Dictionary<string, string>? Matchers)
{
    public ChannelRoute ToRoute() => new(
        (Severities ?? []).Select(value => value.Trim()).Where(value => value.Length > 0).ToList(),
        (Namespaces ?? []).Select(value => value.Trim()).Where(value => value.Length > 0).ToList(),
        new Dictionary<string, string>(Matchers ?? [], StringComparer.Ordinal));
}
