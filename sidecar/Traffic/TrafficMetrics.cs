using System.Diagnostics.Metrics;
using Periscope.Catalog.Contracts;

namespace Periscope.Sidecar.Traffic;

/// <summary>
/// The inbound port's request metrics, on the meter <c>Periscope.Sidecar</c>. Exposed on <c>/metrics</c>
/// (Periscope.Prometheus; Prometheus naming practices, https://prometheus.io/docs/practices/naming/) as
/// <c>periscope_sidecar_requests_total{app_id,operation,method,status_class}</c>,
/// <c>periscope_sidecar_request_errors_total{app_id,operation,method}</c> (5xx),
/// <c>periscope_sidecar_request_duration_seconds{app_id,operation,method}</c> (a histogram with the
/// bounds of <see cref="LatencyHistogram.StandardBoundsSeconds"/>, so dashboards and the catalog agree),
/// <c>periscope_sidecar_request_body_bytes_total</c> and <c>periscope_sidecar_response_body_bytes_total</c>
/// (both <c>{app_id,operation,method}</c>).
/// </summary>
/// <remarks>
/// <c>operation</c> is the documented or inferred path template, or <c>unattributed</c> past the bound on
/// inferred operations; never a raw path, so a client cannot create series (OpenTelemetry's
/// <c>http.route</c> "MUST be low-cardinality" for the same reason). <c>status_class</c> is on the request
/// counter only: on the histogram it would multiply its fifteen buckets by five for what the counter
/// already tells.
/// </remarks>
internal sealed class TrafficMetrics
{
    public const string MeterName = "Periscope.Sidecar";

    /// <summary>The <c>operation</c> label of requests counted in no operation.</summary>
    public const string Unattributed = "unattributed";

    private readonly string appId;
    private readonly Counter<long> requests;
    private readonly Counter<long> errors;
    private readonly Histogram<double> duration;
    private readonly Counter<long> requestBody;
    private readonly Counter<long> responseBody;
    private readonly OperationMetricTags[] unattributed;

    public TrafficMetrics(IMeterFactory meterFactory, string appId)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        this.appId = appId;
        var meter = meterFactory.Create(MeterName);
        requests = meter.CreateCounter<long>(
            "periscope.sidecar.requests", "{request}", "Requests through the inbound port, by operation and status class.");
        errors = meter.CreateCounter<long>(
            "periscope.sidecar.request.errors", "{request}", "Requests through the inbound port answered with a 5xx status, the sidecar's own 502 and 504 included.");
        duration = meter.CreateHistogram(
            "periscope.sidecar.request.duration",
            "s",
            "Time from the request reaching the inbound port to the end of the app's answer.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyHistogram.StandardBoundsSeconds });
        requestBody = meter.CreateCounter<long>(
            "periscope.sidecar.request.body", "By", "Bytes of request bodies received by the inbound port.");
        responseBody = meter.CreateCounter<long>(
            "periscope.sidecar.response.body", "By", "Bytes of response bodies sent by the inbound port.");
        unattributed = new OperationMetricTags[RequestMethods.Count];
        for (var i = 0; i < unattributed.Length; i++)
        {
            unattributed[i] = new OperationMetricTags(appId, Unattributed, RequestMethods.NameOf(i));
        }
    }

    /// <summary>The labels for an operation; make them once per operation.</summary>
    public OperationMetricTags CreateTags(string method, string pathTemplate) => new(appId, pathTemplate, method);

    /// <summary>The labels for requests counted in no operation, by <see cref="RequestMethods"/> index.</summary>
    public OperationMetricTags UnattributedTags(int methodIndex) => unattributed[methodIndex];

    public void Record(OperationMetricTags tags, int statusClass, bool error, TimeSpan elapsed, long requestBytes, long responseBytes)
    {
        requests.Add(1, tags.ByStatusClass[statusClass]);
        duration.Record(elapsed.TotalSeconds, tags.Operation);
        requestBody.Add(requestBytes, tags.Operation);
        responseBody.Add(responseBytes, tags.Operation);
        if (error)
        {
            errors.Add(1, tags.Operation);
        }
    }
}
