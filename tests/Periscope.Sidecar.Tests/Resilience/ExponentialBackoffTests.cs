using Periscope.Sidecar.Resilience;

namespace Periscope.Sidecar.Tests.Resilience;

public sealed class ExponentialBackoffTests
{
    [Fact]
    public void Next_RepeatedFailures_DoublesUpToTheCapWithEqualJitter()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(42));

        var ceilings = new[] { 1, 2, 4, 8, 16, 30, 30, 30 };
        foreach (var ceiling in ceilings)
        {
            var delay = backoff.Next();
            Assert.InRange(delay, TimeSpan.FromSeconds(ceiling / 2.0), TimeSpan.FromSeconds(ceiling));
        }

        Assert.Equal(ceilings.Length, backoff.Failures);
    }

    [Fact]
    public void Next_ManyFailures_NeverOverflows()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromDays(1), TimeSpan.FromDays(2));

        for (var i = 0; i < 200; i++)
        {
            Assert.InRange(backoff.Next(), TimeSpan.FromDays(0.5), TimeSpan.FromDays(2));
        }
    }

    [Fact]
    public void Reset_AfterFailures_StartsFromTheInitialDelay()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        for (var i = 0; i < 5; i++)
        {
            backoff.Next();
        }

        backoff.Reset();

        Assert.Equal(0, backoff.Failures);
        Assert.InRange(backoff.Next(), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Next_SameFailureCount_VariesBetweenSidecars()
    {
        var delays = Enumerable.Range(0, 20)
            .Select(seed => new ExponentialBackoff(TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(30), new Random(seed)).Next())
            .Distinct()
            .Count();

        Assert.True(delays > 1);
    }
}
