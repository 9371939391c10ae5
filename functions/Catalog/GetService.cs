using Microsoft.Extensions.Options;
using Periscope.Functions.Access;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary><c>GET /api/services/{namespace}/{appId}</c>: containers, endpoints with health, and the document's version and diagnostics.</summary>
internal sealed class GetService : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("services/{namespace}/{appId}", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(
        string @namespace, string appId, ICatalogStore store, TimeProvider clock, IOptions<CatalogOptions> options, CancellationToken cancellationToken)
    {
        if (ServiceRoute.TryParse(@namespace, appId, out var problem) is not { } key)
        {
            return problem!;
        }

        if (await store.GetServiceAsync(key, cancellationToken) is not { } service)
        {
            return ServiceRoute.NotFound(key);
        }

        var endpoints = await store.ListEndpointsAsync(key, cancellationToken);
        var document = service.CurrentDocumentHash is { } hash ? await store.GetDocumentAsync(key, hash, cancellationToken) : null;
        var now = clock.GetUtcNow();
        var containers = endpoints
            .GroupBy(endpoint => endpoint.Container, StringComparer.Ordinal)
            .Select(group => new ContainerView(group.Key, group.Select(endpoint => endpoint.Pod).Distinct().ToList()))
            .ToList();
        return TypedResults.Ok(new ServiceDetail(
            ServiceSummary.From(service),
            containers,
            endpoints.Select(endpoint => EndpointView.From(endpoint, now, options.Value.EndpointStaleAfter)).ToList(),
            document is null ? null : DocumentView.From(document)));
    }
}
