using System.Diagnostics;
using System.Diagnostics.Metrics;
using Periscope.Webhook.Hosting;

namespace Periscope.Webhook.Admission;

/// <summary>
/// On the meter <c>Periscope.Webhook</c>, exposed on <c>/metrics</c> as
/// <c>periscope_webhook_admissions_total{result,reason}</c>, <c>periscope_webhook_admission_duration_seconds{result}</c>
/// and <c>periscope_webhook_malformed_requests_total{reason}</c> (Prometheus naming practices,
/// https://prometheus.io/docs/practices/naming/). Every label value comes from a fixed set
/// (<see cref="AdmissionResults"/>, <see cref="Injection.SkipReasons"/>, the malformed reasons): never a pod's name.
/// </summary>
internal sealed class AdmissionMetrics
{
    /// <summary>A tenth of a millisecond (an in-process review) to the 5 s timeoutSeconds the webhook is registered with.</summary>
    private static readonly double[] DurationBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly Counter<long> _admissions;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _malformed;

    public AdmissionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(HostingServiceCollectionExtensions.MeterName);
        _admissions = meter.CreateCounter<long>(
            "periscope.webhook.admissions", "{admission}", "Admission reviews answered, by result (injected, skipped, error, not_pod) and reason.");
        _duration = meter.CreateHistogram(
            "periscope.webhook.admission.duration",
            "s",
            "Time to answer a well-formed admission review, from its parsed body to its serialized response.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _malformed = meter.CreateCounter<long>(
            "periscope.webhook.malformed_requests", "{request}", "Requests to /mutate refused with 4xx because they were not an AdmissionReview v1, by reason.");
    }

    public void Admitted(string result, string reason, TimeSpan elapsed)
    {
        _admissions.Add(1, new TagList { { "result", result }, { "reason", reason } });
        _duration.Record(elapsed.TotalSeconds, new TagList { { "result", result } });
    }

    public void Malformed(string reason) => _malformed.Add(1, new TagList { { "reason", reason } });
}
