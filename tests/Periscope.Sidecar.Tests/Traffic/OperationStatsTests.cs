using Periscope.Catalog.Contracts;
using Periscope.Sidecar.Traffic;

namespace Periscope.Sidecar.Tests.Traffic;

public sealed class OperationStatsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(4_999, 0)]
    [InlineData(5_000, 0)]
    [InlineData(5_001, 1)]
    [InlineData(10_000, 1)]
    [InlineData(10_001, 2)]
    [InlineData(25_000, 2)]
    [InlineData(10_000_000, 10)]
    [InlineData(99_999_999, 13)]
    [InlineData(100_000_000, 13)]
    [InlineData(100_000_001, 14)]
    [InlineData(-1, 0)]
    public void BucketOf_Latency_FirstBoundItDoesNotExceed(long ticks, int bucket) =>
        Assert.Equal(bucket, OperationStats.BucketOf(TimeSpan.FromTicks(ticks)));

    [Fact]
    public void BucketOf_EveryStandardBound_IsInclusive()
    {
        var bounds = LatencyHistogram.StandardBoundsSeconds;
        for (var i = 0; i < bounds.Count; i++)
        {
            var atBound = TimeSpan.FromTicks((long)Math.Round(bounds[i] * TimeSpan.TicksPerSecond));
            Assert.Equal(i, OperationStats.BucketOf(atBound));
            Assert.Equal(i + 1, OperationStats.BucketOf(atBound + TimeSpan.FromTicks(1)));
        }
    }

    [Fact]
    public void Cut_AfterRecords_GivesDeltasThenNothing()
    {
        var stats = new OperationStats("GET", "/x", null, inferred: false, metricTags: null);
        stats.Record(StatusClasses.IndexOf(200), error: false, TimeSpan.FromMilliseconds(0.5), 10, 100);
        stats.Record(StatusClasses.IndexOf(503), error: true, TimeSpan.FromSeconds(11), 0, 5);
        Assert.True(stats.HasNews);

        var first = stats.Cut();
        Assert.Equal(new Dictionary<string, long> { ["2xx"] = 1, ["5xx"] = 1 }, first.Requests);
        Assert.Equal(1, first.Errors);
        Assert.Equal((10L, 105L), (first.RequestBytes, first.ResponseBytes));
        Assert.Equal(LatencyHistogram.StandardBoundsSeconds, first.Latency!.BoundsSeconds);
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], first.Latency.Counts);
        Assert.Equal(11.0005, first.Latency.SumSeconds, 9);
        Assert.False(stats.HasNews);
        Assert.Equal(2, stats.TotalRequests);

        var second = stats.Cut();
        Assert.Empty(second.Requests!);
        Assert.All(second.Latency!.Counts!, count => Assert.Equal(0, count));
        Assert.Equal(0, second.Latency.SumSeconds);
    }
}
