using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Monitoring;

/// <summary><c>GET /api/monitoring/nodes/{node}?time=</c>: one node, 404 when Prometheus has no node_exporter series for it.</summary>
internal sealed class GetNode : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("nodes/{node}", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(string node, string? time, NodeReader reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (MonitoringNames.CheckNode(node) is { } error)
        {
            return Problems.BadRequest(error, new Dictionary<string, string[]> { ["node"] = [error] });
        }

        if (EvaluationTime.TryRead(time, clock, out var problem) is not { } at)
        {
            return problem!;
        }

        if (await reader.ReadAsync(node, at, cancellationToken) is [var view, ..])
        {
            return TypedResults.Ok(view);
        }

        return Problems.NotFound($"Prometheus has no node_exporter series for node '{node}' at {at:O}.");
    }
}
