namespace Periscope.Sidecar.Invocation;

/// <summary>What an app-id resolves to.</summary>
/// <param name="Status">Found, unknown, no endpoints, or the catalog is unavailable.</param>
/// <param name="Endpoints">The endpoints when <see cref="ResolutionStatus.Found"/>, else null.</param>
/// <param name="Problem">Why the catalog could not be asked, for <see cref="ResolutionStatus.CatalogUnavailable"/>.</param>
internal sealed record Resolution(ResolutionStatus Status, EndpointSet? Endpoints = null, string? Problem = null)
{
    public static Resolution Unknown { get; } = new(ResolutionStatus.UnknownApp);

    public static Resolution NoEndpoints { get; } = new(ResolutionStatus.NoEndpoints);

    public static Resolution Unavailable(string problem) => new(ResolutionStatus.CatalogUnavailable, Problem: problem);
}
