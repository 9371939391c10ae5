using Periscope.Functions.Access;
using Periscope.Functions.Catalog;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Alerts;

/// <summary>
/// <c>GET /api/alerts?state=&amp;namespace=&amp;severity=&amp;alertname=&amp;label=&amp;since=&amp;until=&amp;limit=&amp;continue=</c>:
/// alerts newest first (by startsAt), the active ones unless <c>state</c> says otherwise.
/// </summary>
internal sealed class ListAlerts : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) =>
        api.MapGet("alerts", RunAsync).AddEndpointFilter<InvalidContinueTokenFilter>().RequireReader();

    private static async Task<IResult> RunAsync([AsParameters] AlertFilters filters, IAlertStore store, CancellationToken cancellationToken)
    {
        if (filters.TryCreateQuery(out var problem) is not { } query)
        {
            return problem!;
        }

        var alerts = await store.ListAsync(query, cancellationToken);
        return TypedResults.Ok(new PagedList<AlertView>(alerts.Items.Select(AlertView.From).ToList(), alerts.Continue));
    }
}
