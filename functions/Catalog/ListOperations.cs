using Microsoft.AspNetCore.Mvc;
using Periscope.Functions.Access;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary><c>GET /api/services/{namespace}/{appId}/operations</c>: the service's operations, in path and method order, with their traffic.</summary>
internal sealed class ListOperations : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("services/{namespace}/{appId}/operations", RunAsync).AddEndpointFilter<InvalidContinueTokenFilter>().RequireReader();

    private static async Task<IResult> RunAsync(
        string @namespace,
        string appId,
        ICatalogStore store,
        [FromQuery] string? limit,
        [FromQuery(Name = "continue")] string? continueToken,
        CancellationToken cancellationToken)
    {
        if (ServiceRoute.TryParse(@namespace, appId, out var problem) is not { } key
            || CatalogPaging.TryCreate(limit, continueToken, out problem) is not { } page)
        {
            return problem!;
        }

        if (await store.GetServiceAsync(key, cancellationToken) is null)
        {
            return ServiceRoute.NotFound(key);
        }

        var operations = await store.ListOperationsAsync(key, page, cancellationToken);
        var traffic = new TrafficIndex((await store.GetServiceTrafficAsync(key, cancellationToken)).Operations);
        return TypedResults.Ok(new PagedList<OperationSummary>(
            operations.Items.Select(operation => OperationSummary.From(operation, traffic)).ToList(), operations.Continue));
    }
}
