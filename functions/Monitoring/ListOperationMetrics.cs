using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Monitoring;

/// <summary><c>GET /api/monitoring/services/{namespace}/{appId}/operations?time=</c>: rate, error rate and latency of each operation, from the sidecars' metrics.</summary>
internal sealed class ListOperationMetrics : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) =>
        api.MapGet("services/{namespace}/{appId}/operations", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(
        string @namespace, string appId, string? time, OperationQueries queries, PrometheusClient prometheus, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, error) in new[] { ("namespace", MonitoringNames.CheckNamespace(@namespace)), ("appId", MonitoringNames.CheckAppId(appId)) })
        {
            if (error is not null)
            {
                errors[field] = [error];
            }
        }

        if (errors.Count > 0)
        {
            return Problems.BadRequest(string.Join(" ", errors.Values.SelectMany(messages => messages)), errors);
        }

        if (EvaluationTime.TryRead(time, clock, out var problem) is not { } at)
        {
            return problem!;
        }

        Task<IReadOnlyList<PrometheusSample>> Ask(string query) => prometheus.QueryAsync(query, at, cancellationToken);
        var requests = Ask(queries.RequestsPerSecond(@namespace, appId));
        var failures = Ask(queries.ErrorsPerSecond(@namespace, appId));
        var p50 = Ask(queries.LatencySeconds(0.5, @namespace, appId));
        var p99 = Ask(queries.LatencySeconds(0.99, @namespace, appId));
        await Task.WhenAll(requests, failures, p50, p99);

        static (string, string) Key(PrometheusSample sample) => (sample.Label("operation"), sample.Label("method"));
        double? Find(Task<IReadOnlyList<PrometheusSample>> answer, (string, string) key) =>
            answer.Result.FirstOrDefault(sample => Key(sample) == key) is { } found ? Finite.Value(found.Value) : null;
        var operations = requests.Result.Concat(failures.Result).Concat(p50.Result).Concat(p99.Result)
            .Select(Key)
            .Distinct()
            .Order()
            .Select(key =>
            {
                var rate = Find(requests, key);
                var errorRate = Find(failures, key);
                return new OperationView(key.Item1, key.Item2, rate, errorRate, rate > 0 ? (errorRate ?? 0) / rate : null, Find(p50, key), Find(p99, key));
            })
            .ToList();
        return TypedResults.Ok(new InstantList<OperationView>(at, operations));
    }
}
