using System.Diagnostics.Metrics;

namespace Periscope.Functions.Hosting;

/// <summary>
/// The functions' request metrics, on the meter <c>Periscope.Functions</c>. Exposed on <c>/metrics</c> as
/// (Prometheus naming practices, https://prometheus.io/docs/practices/naming/):
/// <c>periscope_function_requests_total{function,status_class}</c>,
/// <c>periscope_function_errors_total{function}</c> (5xx, timeouts included),
/// <c>periscope_function_request_duration_seconds{function}</c> and
/// <c>periscope_function_rejected_total{function,reason="concurrency|timeout"}</c>.
/// <c>function</c> is the function's class name, or <c>unmatched</c> for a request no function matched.
/// </summary>
internal sealed class FunctionMetrics
{
    public const string MeterName = "Periscope.Functions";
    public const string Unmatched = "unmatched";

    /// <summary>Half a millisecond to ten seconds: the catalog answers in milliseconds, invocations take longer.</summary>
    private static readonly double[] DurationBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private static readonly string[] StatusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx"];

    private readonly Counter<long> requests;
    private readonly Counter<long> errors;
    private readonly Counter<long> rejected;
    private readonly Histogram<double> duration;

    public FunctionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        requests = meter.CreateCounter<long>("periscope.function.requests", "{request}", "Function requests answered, by function and status class.");
        errors = meter.CreateCounter<long>("periscope.function.errors", "{request}", "Function requests answered with a 5xx status, timeouts included.");
        rejected = meter.CreateCounter<long>("periscope.function.rejected", "{request}", "Function requests refused by host.json limits: concurrency (429) or timeout (503).");
        duration = meter.CreateHistogram(
            "periscope.function.request.duration",
            "s",
            "Time from the request reaching the host to the function's answer.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    public void RecordRequest(string function, int statusCode, TimeSpan elapsed)
    {
        var functionTag = new KeyValuePair<string, object?>("function", function);
        var statusClass = statusCode is >= 100 and < 600 ? StatusClasses[(statusCode / 100) - 1] : "other";
        requests.Add(1, functionTag, new KeyValuePair<string, object?>("status_class", statusClass));
        duration.Record(elapsed.TotalSeconds, functionTag);
        if (statusCode >= 500)
        {
            errors.Add(1, functionTag);
        }
    }

    public void RecordRejected(string function, string reason) =>
        rejected.Add(1, new KeyValuePair<string, object?>("function", function), new KeyValuePair<string, object?>("reason", reason));
}
