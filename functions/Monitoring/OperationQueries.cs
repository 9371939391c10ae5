using System.Globalization;
using Microsoft.Extensions.Options;

namespace Periscope.Functions.Monitoring;

/// <summary>
/// PromQL for one service's operations from its sidecars' metrics (sidecar/README.md, "Metrics"):
/// <c>periscope_sidecar_requests_total</c>, <c>periscope_sidecar_request_errors_total</c> (5xx) and the
/// <c>periscope_sidecar_request_duration_seconds</c> histogram, labelled <c>app_id</c>, <c>operation</c>,
/// <c>method</c>; the PodMonitor adds <c>namespace</c>. Quantiles are <c>histogram_quantile</c> over the summed
/// bucket rates (prometheus.io/docs/practices/histograms/, "Quantiles").
/// </summary>
internal sealed class OperationQueries(IOptions<MonitoringOptions> options)
{
    public const string ByOperation = "operation, method";

    private string Window => PromQl.Duration(options.Value.RateWindow);

    public string RequestsPerSecond(string @namespace, string appId, string? operation = null) =>
        $"sum by ({ByOperation}) (rate({Sidecar("periscope_sidecar_requests_total", @namespace, appId, operation)}[{Window}]))";

    public string ErrorsPerSecond(string @namespace, string appId, string? operation = null) =>
        $"sum by ({ByOperation}) (rate({Sidecar("periscope_sidecar_request_errors_total", @namespace, appId, operation)}[{Window}]))";

    public string ErrorRatio(string @namespace, string appId, string? operation = null) =>
        $"{ErrorsPerSecond(@namespace, appId, operation)} / {RequestsPerSecond(@namespace, appId, operation)}";

    /// <summary>The <paramref name="quantile"/> (0..1) of request duration in seconds.</summary>
    public string LatencySeconds(double quantile, string @namespace, string appId, string? operation = null) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"histogram_quantile({PromQl.Number(quantile)}, sum by ({ByOperation}, le) (rate({Sidecar("periscope_sidecar_request_duration_seconds_bucket", @namespace, appId, operation)}[{Window}])))");

    private static Selector Sidecar(string metric, string @namespace, string appId, string? operation) =>
        Selector.For(
            metric,
            LabelMatcher.Equal("namespace", @namespace),
            LabelMatcher.Equal("app_id", appId),
            operation is null ? null : LabelMatcher.Equal("operation", operation));
}
