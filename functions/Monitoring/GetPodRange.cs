using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Monitoring;

/// <summary>
/// <c>GET /api/monitoring/namespaces/{namespace}/pods/{pod}/range?metric=cpu|memory|network|fs|restarts&amp;container=&amp;start=&amp;end=&amp;step=</c>:
/// a pod's chart over time, one series per container (network: per pod). No cAdvisor, no series: an empty list.
/// </summary>
internal sealed class GetPodRange : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("namespaces/{namespace}/pods/{pod}/range", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(
        string @namespace, string pod, string? container, string? metric, string? start, string? end, string? step,
        PodQueries queries, RangeReader reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, error) in new[]
        {
            ("namespace", MonitoringNames.CheckNamespace(@namespace)),
            ("pod", MonitoringNames.CheckPod(pod)),
            ("container", container is null ? null : MonitoringNames.CheckContainer(container)),
        })
        {
            if (error is not null)
            {
                errors[field] = [error];
            }
        }

        var named = metric is null ? null : PodRangeMetrics.For(metric, queries, new PodScope(@namespace, pod, container));
        if (named is null)
        {
            errors["metric"] = [$"'metric' must be one of {string.Join(", ", PodRangeMetrics.Names)}; got '{metric}'."];
        }

        var range = QueryRange.TryCreate(start, end, step, clock.GetUtcNow(), errors);
        if (errors.Count > 0 || range is null || named is null)
        {
            return Problems.BadRequest(string.Join(" ", errors.Values.SelectMany(messages => messages)), errors);
        }

        return TypedResults.Ok(await reader.ReadAsync(metric!, named, range, cancellationToken));
    }
}
