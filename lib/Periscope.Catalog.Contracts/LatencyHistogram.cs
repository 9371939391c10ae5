using System.Text.Json.Serialization;

namespace Periscope.Catalog.Contracts;

/// <summary>
/// A latency histogram with the fixed bucket bounds of <see cref="StandardBoundsSeconds"/>, so histograms
/// from many pods and periods add up bucket by bucket.
/// </summary>
public sealed record LatencyHistogram
{
    /// <summary>
    /// Upper bounds in seconds (inclusive, as Prometheus' <c>le</c>), from 0.5 ms to 10 s: fine where
    /// sidecar hops live, coarse where timeouts do.
    /// </summary>
    public static IReadOnlyList<double> StandardBoundsSeconds { get; } =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Must equal <see cref="StandardBoundsSeconds"/>; sent so a reader needs no other source.</summary>
    [JsonPropertyName("boundsSeconds")] public IReadOnlyList<double>? BoundsSeconds { get; init; }

    /// <summary>Per-bucket (not cumulative) counts: one per bound, then one for slower than the last bound.</summary>
    [JsonPropertyName("counts")] public IReadOnlyList<long>? Counts { get; init; }

    [JsonPropertyName("sumSeconds")] public double SumSeconds { get; init; }
}
