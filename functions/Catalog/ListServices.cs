using Microsoft.AspNetCore.Mvc;
using Periscope.Catalog.Contracts;
using Periscope.Functions.Access;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary><c>GET /api/services?namespace=&amp;q=&amp;limit=&amp;continue=</c>: the cataloged services, in namespace and app-id order.</summary>
internal sealed class ListServices : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("services", RunAsync).AddEndpointFilter<InvalidContinueTokenFilter>().RequireReader();

    private static async Task<IResult> RunAsync(
        ICatalogStore store,
        [FromQuery(Name = "namespace")] string? @namespace,
        [FromQuery] string? q,
        [FromQuery] string? limit,
        [FromQuery(Name = "continue")] string? continueToken,
        CancellationToken cancellationToken)
    {
        if (@namespace is not null && ResourceNames.CheckLabel("namespace", @namespace) is { } invalid)
        {
            return Problems.BadRequest(invalid);
        }

        if (CatalogPaging.TryCreate(limit, continueToken, out var problem) is not { } page)
        {
            return problem!;
        }

        var services = await store.ListServicesAsync(new ServiceQuery(@namespace, q?.Trim(), page), cancellationToken);
        return TypedResults.Ok(new PagedList<ServiceSummary>(services.Items.Select(ServiceSummary.From).ToList(), services.Continue));
    }
}
