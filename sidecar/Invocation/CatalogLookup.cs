using Periscope.Catalog.Contracts;

namespace Periscope.Sidecar.Invocation;

/// <summary>The catalog's answer about one app-id, before the resolver turns it into endpoints.</summary>
/// <param name="Status">Found (with <paramref name="Items"/>), unknown, no endpoints, or unavailable (with <paramref name="Problem"/>).</param>
/// <param name="Items">The usable endpoints listed, never empty when found.</param>
/// <param name="Problem">Why the catalog could not be asked.</param>
internal sealed record CatalogLookup(ResolutionStatus Status, IReadOnlyList<ResolvedEndpoint>? Items = null, string? Problem = null);
