using Periscope.Functions.Store;

namespace Periscope.Functions.Calls;

/// <summary>
/// Filters of <c>GET /api/calls</c>, each optional and all of them together: <see cref="From"/> inclusive,
/// <see cref="To"/> exclusive; <see cref="StatusClass"/> is the hundreds digit (2 for 2xx).
/// </summary>
internal sealed record CallQuery(PageRequest Page)
{
    public string? Namespace { get; init; }

    public string? AppId { get; init; }

    public string? OperationKey { get; init; }

    public int? StatusClass { get; init; }

    public int? Status { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public string? KeyId { get; init; }
}
