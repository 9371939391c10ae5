using Microsoft.Extensions.Time.Testing;
using Periscope.Functions.Invoke;

namespace Periscope.Functions.Tests.Invoke;

public sealed class FreshCacheTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, string> store = new(StringComparer.Ordinal) { ["a"] = "first", ["b"] = "other" };
    private int reads;

    [Fact]
    public async Task GetAsync_WithinFreshness_ReadsTheStoreOnce()
    {
        var cache = new FreshCache<string, string>(clock, TimeSpan.FromSeconds(1), capacity: 10);

        var first = await cache.GetAsync("a", ReadAsync, CancellationToken.None);
        store["a"] = "changed";
        clock.Advance(TimeSpan.FromMilliseconds(900));
        var second = await cache.GetAsync("a", ReadAsync, CancellationToken.None);

        Assert.Equal(("first", "first", 1), (first, second, reads));
    }

    [Fact]
    public async Task GetAsync_PastFreshness_ReadsAgain()
    {
        var cache = new FreshCache<string, string>(clock, TimeSpan.FromSeconds(1), capacity: 10);

        await cache.GetAsync("a", ReadAsync, CancellationToken.None);
        store["a"] = "changed";
        clock.Advance(TimeSpan.FromSeconds(1));
        var again = await cache.GetAsync("a", ReadAsync, CancellationToken.None);

        Assert.Equal(("changed", 2), (again, reads));
    }

    [Fact]
    public async Task GetAsync_Missing_IsNotRemembered()
    {
        var cache = new FreshCache<string, string>(clock, TimeSpan.FromSeconds(1), capacity: 10);

        var missing = await cache.GetAsync("new", ReadAsync, CancellationToken.None);
        store["new"] = "reported";
        var found = await cache.GetAsync("new", ReadAsync, CancellationToken.None);

        Assert.Null(missing);
        Assert.Equal("reported", found);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task GetAsync_RecordGoneFromTheStore_IsForgotten()
    {
        var cache = new FreshCache<string, string>(clock, TimeSpan.FromSeconds(1), capacity: 10);
        await cache.GetAsync("a", ReadAsync, CancellationToken.None);

        store.Remove("a");
        clock.Advance(TimeSpan.FromSeconds(2));
        var gone = await cache.GetAsync("a", ReadAsync, CancellationToken.None);

        Assert.Null(gone);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task GetAsync_AtCapacity_StartsOver()
    {
        var cache = new FreshCache<string, string>(clock, TimeSpan.FromSeconds(1), capacity: 2);
        store["c"] = "third";

        await cache.GetAsync("a", ReadAsync, CancellationToken.None);
        await cache.GetAsync("b", ReadAsync, CancellationToken.None);
        await cache.GetAsync("c", ReadAsync, CancellationToken.None);

        Assert.Equal(1, cache.Count);
        Assert.Equal("first", await cache.GetAsync("a", ReadAsync, CancellationToken.None));
        Assert.Equal(4, reads);
    }

    private Task<string?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        reads++;
        return Task.FromResult(store.GetValueOrDefault(key));
    }
}
