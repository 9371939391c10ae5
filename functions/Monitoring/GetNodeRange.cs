using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Monitoring;

/// <summary>
/// <c>GET /api/monitoring/nodes/{node}/range?metric=cpu|load|memory|filesystem|disk|network&amp;start=&amp;end=&amp;step=</c>:
/// a node's chart over time (<see cref="QueryRange"/> for the defaults and the 11,000-point bound).
/// </summary>
internal sealed class GetNodeRange : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("nodes/{node}/range", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(
        string node, string? metric, string? start, string? end, string? step, NodeQueries queries, RangeReader reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (MonitoringNames.CheckNode(node) is { } error)
        {
            errors["node"] = [error];
        }

        var named = metric is null ? null : NodeRangeMetrics.For(metric, queries, node);
        if (named is null)
        {
            errors["metric"] = [$"'metric' must be one of {string.Join(", ", NodeRangeMetrics.Names)}; got '{metric}'."];
        }

        var range = QueryRange.TryCreate(start, end, step, clock.GetUtcNow(), errors);
        if (errors.Count > 0 || range is null || named is null)
        {
            return Problems.BadRequest(string.Join(" ", errors.Values.SelectMany(messages => messages)), errors);
        }

        return TypedResults.Ok(await reader.ReadAsync(metric!, named, range, cancellationToken));
    }
}
