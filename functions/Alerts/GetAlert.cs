using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Alerts;

/// <summary><c>GET /api/alerts/{id}</c>: one alert with its history, its group and what Periscope knows about its subject.</summary>
internal sealed class GetAlert : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("alerts/{id}", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(string id, IAlertStore store, AlertEnricher enricher, CancellationToken cancellationToken)
    {
        if (AlertId.TryParse(id, out var problem) is not { } number)
        {
            return problem!;
        }

        if (await store.GetAsync(number, cancellationToken) is not { } alert)
        {
            return Problems.NotFound($"No alert has the id {number}.");
        }

        var history = await store.GetHistoryAsync(number, cancellationToken);
        var group = await store.GetGroupAsync(alert.GroupKey, cancellationToken);
        var enrichment = (await enricher.EnrichAsync([(alert.Id, alert.Labels, alert.GeneratorUrl)], cancellationToken))[0];
        return TypedResults.Ok(new AlertDetailView(AlertView.From(alert), history, group, enrichment));
    }
}
