using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Monitoring;

/// <summary><c>GET /api/monitoring/nodes?time=</c>: every node's CPU, memory, filesystems, disks and network at one time.</summary>
internal sealed class ListNodes : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("nodes", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(string? time, NodeReader reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (EvaluationTime.TryRead(time, clock, out var problem) is not { } at)
        {
            return problem!;
        }

        return TypedResults.Ok(new InstantList<NodeView>(at, await reader.ReadAsync(null, at, cancellationToken)));
    }
}
