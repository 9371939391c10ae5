using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Periscope.Sidecar.Invocation;

/// <summary>
/// Outbound invocation metrics on the meter <c>Periscope.Sidecar</c>, exposed on <c>/metrics</c> as
/// (Prometheus naming practices, https://prometheus.io/docs/practices/naming/):
/// <c>periscope_sidecar_invocations_total{target_app_id,target_namespace,method,status_class}</c> and
/// <c>periscope_sidecar_invocation_duration_seconds{...}</c>.
/// </summary>
/// <remarks>
/// Labels stay bounded: an app-id the catalog does not know, or that could not be parsed, is
/// <c>unknown</c>; a method outside RFC 9110's and PATCH is <c>_OTHER</c> (OpenTelemetry's HTTP semantic
/// conventions, <c>http.request.method</c>); paths are never labels.
/// </remarks>
internal sealed class InvocationMetrics
{
    public const string MeterName = "Periscope.Sidecar";
    public const string Unknown = "unknown";

    /// <summary>Half a millisecond (a loopback hop) to a minute (the default invoke timeout).</summary>
    private static readonly double[] DurationBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private static readonly string[] StatusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx"];

    private readonly Counter<long> invocations;
    private readonly Histogram<double> duration;

    public InvocationMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        invocations = meter.CreateCounter<long>(
            "periscope.sidecar.invocations", "{invocation}", "Service invocations through the Dapr port, by target, method and status class.");
        duration = meter.CreateHistogram(
            "periscope.sidecar.invocation.duration",
            "s",
            "Time from an invocation reaching the Dapr port to its answer, resolution and retries included.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    /// <param name="target">The target, or null when it is not a known app-id.</param>
    /// <param name="method">The request's method.</param>
    /// <param name="statusCode">The status the caller got (499 when it went away first).</param>
    /// <param name="elapsed">Time taken.</param>
    public void Record(AppKey? target, string method, int statusCode, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "target_app_id", target?.AppId ?? Unknown },
            { "target_namespace", target?.Namespace ?? Unknown },
            { "method", MethodLabel(method) },
            { "status_class", statusCode is >= 100 and < 600 ? StatusClasses[(statusCode / 100) - 1] : "other" },
        };
        invocations.Add(1, tags);
        duration.Record(elapsed.TotalSeconds, tags);
    }

    private static string MethodLabel(string method) => method switch
    {
        _ when HttpMethods.IsGet(method) => HttpMethods.Get,
        _ when HttpMethods.IsPost(method) => HttpMethods.Post,
        _ when HttpMethods.IsPut(method) => HttpMethods.Put,
        _ when HttpMethods.IsDelete(method) => HttpMethods.Delete,
        _ when HttpMethods.IsPatch(method) => HttpMethods.Patch,
        _ when HttpMethods.IsHead(method) => HttpMethods.Head,
        _ when HttpMethods.IsOptions(method) => HttpMethods.Options,
        _ when HttpMethods.IsTrace(method) => HttpMethods.Trace,
        _ when HttpMethods.IsConnect(method) => HttpMethods.Connect,
        _ => "_OTHER",
    };
}
