using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Monitoring;

/// <summary>
/// <c>GET /api/monitoring/services/{namespace}/{appId}/operations/range?metric=requests|errors|error-ratio|p50|p99&amp;operation=&amp;start=&amp;end=&amp;step=</c>:
/// a service's operations over time, one series per operation and method; <c>operation</c> (a path template) narrows it to one.
/// </summary>
internal sealed class GetOperationRange : IFunction
{
    public static readonly IReadOnlyList<string> Metrics = ["requests", "errors", "error-ratio", "p50", "p99"];

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) =>
        api.MapGet("services/{namespace}/{appId}/operations/range", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(
        string @namespace, string appId, string? operation, string? metric, string? start, string? end, string? step,
        OperationQueries queries, RangeReader reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, error) in new[]
        {
            ("namespace", MonitoringNames.CheckNamespace(@namespace)),
            ("appId", MonitoringNames.CheckAppId(appId)),
            ("operation", operation is null ? null : MonitoringNames.CheckOperation(operation)),
        })
        {
            if (error is not null)
            {
                errors[field] = [error];
            }
        }

        (string Name, string Query)? named = metric switch
        {
            "requests" => ("requestsPerSecond", queries.RequestsPerSecond(@namespace, appId, operation)),
            "errors" => ("errorsPerSecond", queries.ErrorsPerSecond(@namespace, appId, operation)),
            "error-ratio" => ("errorRatio", queries.ErrorRatio(@namespace, appId, operation)),
            "p50" => ("p50Seconds", queries.LatencySeconds(0.5, @namespace, appId, operation)),
            "p99" => ("p99Seconds", queries.LatencySeconds(0.99, @namespace, appId, operation)),
            _ => null,
        };
        if (named is null)
        {
            errors["metric"] = [$"'metric' must be one of {string.Join(", ", Metrics)}; got '{metric}'."];
        }

        var range = QueryRange.TryCreate(start, end, step, clock.GetUtcNow(), errors);
        if (errors.Count > 0 || range is null || named is not { } chart)
        {
            return Problems.BadRequest(string.Join(" ", errors.Values.SelectMany(messages => messages)), errors);
        }

        return TypedResults.Ok(await reader.ReadAsync(metric!, [chart], range, cancellationToken));
    }
}
