using Microsoft.Extensions.Options;
using Periscope.Functions.Access;
using Periscope.Functions.Catalog;
using Periscope.Functions.Hosting;
using Periscope.Functions.Monitoring;

namespace Periscope.Functions.AlertRules;

/// <summary><c>GET /api/alerts/rules</c>: every threshold rule, by name, each with its rendered Prometheus rule.</summary>
internal sealed class ListAlertRules : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("alerts/rules", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(IAlertRuleStore store, IOptions<MonitoringOptions> monitoring, CancellationToken cancellationToken)
    {
        var rules = await store.ListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<AlertRuleView>(rules.Select(rule => AlertRuleView.From(rule, monitoring.Value.NodeLabel)).ToList(), null));
    }
}
