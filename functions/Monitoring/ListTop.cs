using System.Globalization;
using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Monitoring;

/// <summary><c>GET /api/monitoring/top?target=node|pod|container&amp;metric=cpu|memory|network|restarts&amp;n=10&amp;namespace=&amp;time=</c>.</summary>
internal sealed class ListTop : IFunction
{
    public const int MaxN = 100;

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("top", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(
        string? target, string? metric, string? n, string? @namespace, string? time, TopQueries top, NodeQueries nodes, PrometheusClient prometheus, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        target ??= "pod";
        metric ??= "cpu";
        if (!TopQueries.Targets.Contains(target))
        {
            errors["target"] = [$"'target' must be one of {string.Join(", ", TopQueries.Targets)}; got '{target}'."];
        }

        if (!TopQueries.Metrics.Contains(metric))
        {
            errors["metric"] = [$"'metric' must be one of {string.Join(", ", TopQueries.Metrics)}; got '{metric}'."];
        }

        var count = 10;
        if (n is not null && (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxN))
        {
            errors["n"] = [$"'n' must be an integer from 1 to {MaxN}; got '{n}'."];
        }

        if (@namespace is not null && (target == "node" ? "nodes have no namespace; leave 'namespace' out." : MonitoringNames.CheckNamespace(@namespace)) is { } wrong)
        {
            errors["namespace"] = [wrong];
        }

        var chosen = errors.Count == 0 ? top.For(target, metric, @namespace) : null;
        if (errors.Count == 0 && chosen is null)
        {
            errors["metric"] = [$"'{metric}' is not measured per {target}: network is per pod, restarts per pod or container."];
        }

        if (errors.Count > 0 || chosen is not { } query)
        {
            return Problems.BadRequest(string.Join(" ", errors.Values.SelectMany(messages => messages)), errors);
        }

        if (EvaluationTime.TryRead(time, clock, out var problem) is not { } at)
        {
            return problem!;
        }

        var samples = await prometheus.QueryAsync(TopQueries.TopK(count, query.Query), at, cancellationToken);
        var items = samples
            .OrderByDescending(sample => double.IsNaN(sample.Value) ? double.NegativeInfinity : sample.Value)
            .Select(sample => target == "node"
                ? new TopItem(sample.Label(nodes.NodeLabel), null, null, null, Finite.Value(sample.Value))
                : new TopItem(null, sample.Label("namespace"), sample.Label("pod"), target == "container" ? sample.Label("container") : null, Finite.Value(sample.Value)))
            .ToList();
        return TypedResults.Ok(new TopView(target, metric, query.Unit, at, items));
    }
}
