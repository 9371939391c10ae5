namespace Periscope.Functions.Monitoring;

/// <summary>
/// One operation of a service, over the rate window: requests and 5xx answers per second, their ratio (0..1,
/// null without requests), and the median and 99th percentile latency in seconds from the sidecar's histogram.
/// </summary>
internal sealed record OperationView(
    string Operation,
    string Method,
    double? RequestsPerSecond,
    double? ErrorsPerSecond,
    double? ErrorRatio,
    double? P50Seconds,
    double? P99Seconds);
