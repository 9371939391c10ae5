using Periscope.Catalog.Contracts;
using Periscope.Functions.Catalog;

namespace Periscope.Functions.Tests.Catalog;

public sealed class HistogramQuantileTests
{
    private static readonly IReadOnlyList<double> Bounds = LatencyHistogram.StandardBoundsSeconds;

    [Theory]
    [InlineData(0.5, 0.00025)]
    [InlineData(0.99, 0.000495)]
    public void Estimate_AllInFirstBucket_InterpolatesFromZero(double q, double expected) =>
        Assert.Equal(expected, HistogramQuantile.Estimate(q, Counts((0, 10)), Bounds)!.Value, precision: 12);

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void Estimate_AllInInfBucket_ReturnsHighestFiniteBound(double q) =>
        Assert.Equal(10, HistogramQuantile.Estimate(q, Counts((14, 7)), Bounds));

    [Fact]
    public void Estimate_Empty_ReturnsNull() => Assert.Null(HistogramQuantile.Estimate(0.99, Counts(), Bounds));

    [Fact]
    public void Estimate_RankOnBucketEdge_ReturnsThatBucketsUpperBound() =>
        Assert.Equal(0.0005, HistogramQuantile.Estimate(0.5, Counts((0, 5), (1, 5)), Bounds));

    [Theory]
    [InlineData(0.5, 0.001 + (0.0015 * 50 / 90))]
    [InlineData(0.99, 0.25 + (0.25 * 0.9))]
    public void Estimate_SpreadOverBuckets_InterpolatesWithinTheRankBucket(double q, double expected) =>
        Assert.Equal(expected, HistogramQuantile.Estimate(q, Counts((2, 90), (9, 10)), Bounds)!.Value, precision: 12);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void Estimate_QuantileOutOfRange_Throws(double q) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HistogramQuantile.Estimate(q, Counts((0, 1)), Bounds));

    private static long[] Counts(params (int Bucket, long Count)[] buckets)
    {
        var counts = new long[Bounds.Count + 1];
        foreach (var (bucket, count) in buckets)
        {
            counts[bucket] = count;
        }

        return counts;
    }
}
