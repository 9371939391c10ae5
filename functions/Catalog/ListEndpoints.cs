using Microsoft.Extensions.Options;
using Periscope.Catalog.Contracts;
using Periscope.Functions.Access;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>
/// <c>GET /api/services/{namespace}/{appId}/endpoints</c>: where an app-id can be invoked now — the
/// endpoints whose last heartbeat is within <c>Catalog:EndpointStaleAfter</c>. Sidecars call it to resolve
/// app-ids for service invocation, so it costs one store read.
/// </summary>
internal sealed class ListEndpoints : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("services/{namespace}/{appId}/endpoints", RunAsync).RequireSidecarOrReader();

    private static async Task<IResult> RunAsync(
        string @namespace, string appId, ICatalogStore store, TimeProvider clock, IOptions<CatalogOptions> options, CancellationToken cancellationToken)
    {
        if (ServiceRoute.TryParse(@namespace, appId, out var problem) is not { } key)
        {
            return problem!;
        }

        // A service is created by its first report, with that report's endpoint, and endpoints are never
        // removed; so no endpoints almost always means no such service, and only then is it looked up.
        var endpoints = await store.ListEndpointsAsync(key, cancellationToken);
        if (endpoints.Count == 0 && await store.GetServiceAsync(key, cancellationToken) is null)
        {
            return ServiceRoute.NotFound(key);
        }

        var now = clock.GetUtcNow();
        var staleAfter = options.Value.EndpointStaleAfter;
        var items = endpoints
            .Where(endpoint => EndpointView.IsHealthy(endpoint, now, staleAfter))
            .GroupBy(endpoint => (endpoint.Address, endpoint.Port)) // one pod IP reused by a newer pod: the newer heartbeat wins
            .Select(same => same.MaxBy(endpoint => endpoint.LastHeartbeat)!)
            .OrderBy(endpoint => endpoint.Pod, StringComparer.Ordinal)
            .Select(endpoint => new ResolvedEndpoint
            {
                Pod = endpoint.Pod,
                Address = endpoint.Address,
                Port = endpoint.Port,
                LastHeartbeat = endpoint.LastHeartbeat,
            })
            .ToList();
        return TypedResults.Ok(new ServiceEndpoints { Namespace = key.Namespace, AppId = key.AppId, Items = items });
    }
}
