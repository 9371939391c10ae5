using System.Diagnostics.Metrics;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Invoke;

/// <summary>
/// The gateway's per-operation metrics, on the host's meter (<see cref="FunctionMetrics.MeterName"/>), exposed on
/// <c>/metrics</c> as
/// <c>periscope_invoke_requests_total{namespace,app_id,operation,method,status_class}</c>,
/// <c>periscope_invoke_duration_seconds{namespace,app_id,operation}</c> (histogram) and
/// <c>periscope_invoke_circuit_open_total{namespace,app_id}</c> (times a target's breaker opened).
/// <c>operation</c> is the catalog's operation key, or <c>unmatched</c>: never a raw path, and only cataloged
/// services are labelled, so callers cannot multiply series.
/// </summary>
internal sealed class InvokeMetrics
{
    public const string Unmatched = "unmatched";

    // Half a millisecond to a minute: the gateway hop is sub-millisecond, the apps behind it are not.
    private static readonly double[] DurationBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private static readonly string[] StatusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx"];

    private readonly Counter<long> requests;
    private readonly Histogram<double> duration;
    private readonly Counter<long> circuitOpened;

    public InvokeMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(FunctionMetrics.MeterName);
        requests = meter.CreateCounter<long>("periscope.invoke.requests", "{request}", "Invocations through the gateway, by target, operation, method and status class.");
        duration = meter.CreateHistogram(
            "periscope.invoke.duration",
            "s",
            "Time from the invocation reaching the gateway to its answer's end.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        circuitOpened = meter.CreateCounter<long>("periscope.invoke.circuit_open", "{event}", "Times a target's circuit breaker opened.");
    }

    public void Record(ServiceKey target, string? operationKey, string method, int status, TimeSpan elapsed)
    {
        var ns = new KeyValuePair<string, object?>("namespace", target.Namespace);
        var app = new KeyValuePair<string, object?>("app_id", target.AppId);
        var operation = new KeyValuePair<string, object?>("operation", operationKey ?? Unmatched);
        var statusClass = status is >= 100 and < 600 ? StatusClasses[(status / 100) - 1] : "other";
        requests.Add(1, ns, app, operation, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("status_class", statusClass));
        duration.Record(elapsed.TotalSeconds, ns, app, operation);
    }

    public void CircuitOpened(ServiceKey target) =>
        circuitOpened.Add(1, new KeyValuePair<string, object?>("namespace", target.Namespace), new KeyValuePair<string, object?>("app_id", target.AppId));
}
