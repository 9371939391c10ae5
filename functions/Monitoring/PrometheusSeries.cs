namespace Periscope.Functions.Monitoring;

/// <summary>One series of a range vector (a matrix): its labels and its points in time order.</summary>
internal sealed record PrometheusSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<PrometheusPoint> Points);
