using Microsoft.Extensions.Options;
using Periscope.Functions.Access;
using Periscope.Functions.Hosting;
using Periscope.Functions.Monitoring;

namespace Periscope.Functions.AlertRules;

/// <summary><c>GET /api/alerts/rules/{name}</c>: one threshold rule with its rendered Prometheus rule; 404 for an unknown name.</summary>
internal sealed class GetAlertRule : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("alerts/rules/{name}", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(string name, IAlertRuleStore store, IOptions<MonitoringOptions> monitoring, CancellationToken cancellationToken) =>
        await store.GetAsync(name, cancellationToken) is { } rule
            ? TypedResults.Ok(AlertRuleView.From(rule, monitoring.Value.NodeLabel))
            : Problems.NotFound($"No threshold rule is named '{name}'.");
}
