using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Periscope.Functions.Catalog;
using Periscope.Functions.Store;
using Periscope.Functions.Tests.Hosting;
using Periscope.Functions.Tests.Store.Sqlite;

namespace Periscope.Functions.Tests.Catalog;

public sealed class EndpointExpiryTests : IDisposable
{
    private static readonly ServiceKey Orders = StoreFixture.Orders;
    private readonly StoreFixture _store = new();
    private readonly FakeTimeProvider _clock = new(StoreFixture.Start);

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task RunOnceAsync_EndpointSilentLongerThanTheRetention_IsDeleted()
    {
        await HeartbeatAsync("orders-1", secondsAfterStart: 0);
        await HeartbeatAsync("orders-2", secondsAfterStart: 3600);
        var expiry = Expiry(TimeSpan.FromDays(1));
        _clock.SetUtcNow(StoreFixture.Start.AddDays(1).AddMinutes(1));

        var expired = await expiry.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, expired.Endpoints);
        Assert.Equal(["orders-2"], await PodsAsync());
    }

    [Fact]
    public async Task Running_AtStartAndEachInterval_DeletesWhatFellSilentSince()
    {
        await HeartbeatAsync("orders-0", secondsAfterStart: -3 * 3600);
        await HeartbeatAsync("orders-1", secondsAfterStart: 0);
        var expiry = Expiry(TimeSpan.FromHours(2));
        await expiry.StartAsync(CancellationToken.None);
        try
        {
            // The pass at start: orders-0 is three hours silent, orders-1 not yet two. Its timer exists from here on.
            await Eventually.TrueAsync(async () => (await PodsAsync()).SequenceEqual(["orders-1"]), "the pass at start to expire orders-0 only");

            _clock.Advance(TimeSpan.FromHours(2) + expiry.Interval);

            await Eventually.TrueAsync(async () => (await PodsAsync()).Count == 0, "orders-1 to be expired at a later interval");
        }
        finally
        {
            await expiry.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task RunOnceAsync_RetentionZero_KeepsEndpointsForever()
    {
        await HeartbeatAsync("orders-1", secondsAfterStart: 0);
        var expiry = Expiry(TimeSpan.Zero);
        _clock.Advance(TimeSpan.FromDays(3650));

        var expired = await expiry.RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, expired.Total);
        Assert.Equal(["orders-1"], await PodsAsync());
    }

    [Theory]
    [InlineData("1.00:00:00", "01:00:00")]
    [InlineData("00:10:00", "00:01:00")]
    [InlineData("100.00:00:00", "01:00:00")]
    [InlineData("06:00:00", "00:15:00")]
    public void Interval_IsAFractionOfTheRetentionWithinBounds(string retention, string interval) =>
        Assert.Equal(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture), Expiry(TimeSpan.Parse(retention, System.Globalization.CultureInfo.InvariantCulture)).Interval);

    [Fact]
    public void Options_RetentionShorterThanStaleAfter_AreRejected()
    {
        var options = new CatalogOptions { ReportToken = new string('t', 16), EndpointStaleAfter = TimeSpan.FromMinutes(5), EndpointRetention = TimeSpan.FromMinutes(1) };
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains("Catalog:EndpointRetention", Assert.Single(results).ErrorMessage, StringComparison.Ordinal);
    }

    private EndpointExpiry Expiry(TimeSpan retention) =>
        new(_store.Store, Options.Create(new CatalogOptions { ReportToken = new string('t', 16), EndpointRetention = retention }), _clock, NullLogger<EndpointExpiry>.Instance);

    private Task<long> HeartbeatAsync(string pod, int secondsAfterStart) =>
        _store.Store.ApplyAsync(new ReportWrite(StoreFixture.Endpoint(Orders, null, secondsAfterStart, pod), null, []), default);

    private async Task<List<string>> PodsAsync() => [.. (await _store.Store.ListEndpointsAsync(Orders, default)).Select(endpoint => endpoint.Pod)];
}
