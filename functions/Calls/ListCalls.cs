using Periscope.Functions.Access;
using Periscope.Functions.Catalog;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Calls;

/// <summary>
/// <c>GET /api/calls?namespace=&amp;appId=&amp;operation=&amp;statusClass=&amp;status=&amp;from=&amp;to=&amp;keyId=&amp;limit=&amp;continue=</c>:
/// recorded calls, newest first, without headers or bodies.
/// </summary>
internal sealed class ListCalls : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) =>
        api.MapGet("calls", RunAsync).AddEndpointFilter<InvalidContinueTokenFilter>().RequireReader();

    private static async Task<IResult> RunAsync([AsParameters] CallFilters filters, ICallStore store, CancellationToken cancellationToken)
    {
        if (filters.TryCreateQuery(out var problem) is not { } query)
        {
            return problem!;
        }

        var calls = await store.ListAsync(query, cancellationToken);
        return TypedResults.Ok(new PagedList<CallSummaryView>(calls.Items.Select(CallSummaryView.From).ToList(), calls.Continue));
    }
}
