using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>An endpoint with its health: <c>healthy</c> while heartbeats arrive, <c>stale</c> after <c>Catalog:EndpointStaleAfter</c>.</summary>
internal sealed record EndpointView(
    string Pod, string Container, string Address, int Port, DateTimeOffset LastHeartbeat, string Health, string? DocumentHash, string? SidecarVersion)
{
    public static EndpointView From(EndpointRecord endpoint, DateTimeOffset now, TimeSpan staleAfter) => new(
        endpoint.Pod, endpoint.Container, endpoint.Address, endpoint.Port, endpoint.LastHeartbeat,
        IsHealthy(endpoint, now, staleAfter) ? "healthy" : "stale",
        endpoint.DocumentHash, endpoint.SidecarVersion);

    public static bool IsHealthy(EndpointRecord endpoint, DateTimeOffset now, TimeSpan staleAfter) => now - endpoint.LastHeartbeat <= staleAfter;
}
