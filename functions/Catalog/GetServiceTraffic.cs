using Periscope.Functions.Access;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>
/// <c>GET /api/services/{namespace}/{appId}/traffic</c>: the service's documented operations split into
/// called and unused (zombie APIs), the traffic its document does not describe (shadow APIs), and the
/// requests its sidecars could not attribute, over the span since traffic was first seen.
/// </summary>
internal sealed class GetServiceTraffic : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("services/{namespace}/{appId}/traffic", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(string @namespace, string appId, ICatalogStore store, CancellationToken cancellationToken)
    {
        if (ServiceRoute.TryParse(@namespace, appId, out var problem) is not { } key)
        {
            return problem!;
        }

        if (await store.GetServiceAsync(key, cancellationToken) is null)
        {
            return ServiceRoute.NotFound(key);
        }

        var traffic = await store.GetServiceTrafficAsync(key, cancellationToken);
        var index = new TrafficIndex(traffic.Operations);
        var operations = (await AllOperationsAsync(store, key, cancellationToken)).Select(operation => OperationSummary.From(operation, index)).ToList();
        var documented = operations.Select(operation => (operation.Method, operation.Path)).ToHashSet();
        var inferred = index.All
            .Where(entry => !documented.Contains((entry.Method, entry.Path)) && entry.Totals.Calls > 0)
            .OrderBy(entry => entry.Path, StringComparer.Ordinal)
            .ThenBy(entry => entry.Method, StringComparer.Ordinal)
            .Select(entry => new InferredOperationView(entry.Method, entry.Path, TrafficView.From(entry.Totals)!))
            .ToList();
        return TypedResults.Ok(new ServiceTrafficView(
            key.Namespace,
            key.AppId,
            traffic.FirstSeen is { } from && traffic.LastSeen is { } to ? new TrafficWindow(from, to) : null,
            operations.Where(operation => operation.Traffic is not null).ToList(),
            inferred,
            operations.Where(operation => operation.Traffic is null).ToList(),
            traffic.UnattributedRequests));
    }

    private static async Task<List<OperationRecord>> AllOperationsAsync(ICatalogStore store, ServiceKey key, CancellationToken cancellationToken)
    {
        var operations = new List<OperationRecord>();
        string? next = null;
        do
        {
            var page = await store.ListOperationsAsync(key, new PageRequest(CatalogPaging.MaxLimit, next), cancellationToken);
            operations.AddRange(page.Items);
            next = page.Continue;
        }
        while (next is not null);
        return operations;
    }
}
