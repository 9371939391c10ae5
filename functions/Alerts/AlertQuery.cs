using Periscope.Functions.Store;

namespace Periscope.Functions.Alerts;

/// <summary>Filters of <c>GET /api/alerts</c>, all together; <see cref="Since"/> inclusive and <see cref="Until"/> exclusive, on startsAt.</summary>
internal sealed record AlertQuery(PageRequest Page)
{
    public AlertListState State { get; init; } = AlertListState.Active;

    public string? Namespace { get; init; }

    public string? Severity { get; init; }

    public string? AlertName { get; init; }

    /// <summary>Label equality matches; names are Prometheus label names (checked before they reach the store).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = [];

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }
}
