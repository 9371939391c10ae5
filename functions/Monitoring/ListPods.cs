using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Monitoring;

/// <summary><c>GET /api/monitoring/namespaces/{namespace}/pods?time=</c>: every pod of a namespace with its containers, from cAdvisor and kube-state-metrics.</summary>
internal sealed class ListPods : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("namespaces/{namespace}/pods", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(string @namespace, string? time, PodReader reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (MonitoringNames.CheckNamespace(@namespace) is { } error)
        {
            return Problems.BadRequest(error, new Dictionary<string, string[]> { ["namespace"] = [error] });
        }

        if (EvaluationTime.TryRead(time, clock, out var problem) is not { } at)
        {
            return problem!;
        }

        return TypedResults.Ok(new InstantList<PodView>(at, await reader.ReadAsync(new PodScope(@namespace), at, cancellationToken)));
    }
}
