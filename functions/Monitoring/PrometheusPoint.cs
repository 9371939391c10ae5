namespace Periscope.Functions.Monitoring;

/// <summary>A point of a range query: unix seconds and the value (NaN and ±Inf kept as Prometheus sent them).</summary>
internal readonly record struct PrometheusPoint(double UnixSeconds, double Value);
