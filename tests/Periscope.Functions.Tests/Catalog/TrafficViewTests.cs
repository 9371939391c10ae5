using Periscope.Functions.Catalog;
using Periscope.Functions.Store;
using Periscope.Functions.Tests.Store.Sqlite;

namespace Periscope.Functions.Tests.Catalog;

public sealed class TrafficViewTests
{
    [Fact]
    public void From_NoTotals_IsNull() => Assert.Null(TrafficView.From(null));

    [Fact]
    public void From_TotalsWithoutCalls_IsNull() => Assert.Null(TrafficView.From(StoreFixture.Calls("GET", "/items", ok: 0).Totals));

    [Fact]
    public void From_Totals_GivesRateQuantilesAndStatusClasses()
    {
        TrafficTotals totals = StoreFixture.Calls("GET", "/items", ok: 9, failed: 1, bucket: 2).Totals;

        var view = TrafficView.From(totals)!;

        Assert.Equal((10L, 1L, 0.1), (view.Calls, view.Errors, view.ErrorRate));
        Assert.Equal(0.00175, view.P50Seconds!.Value, precision: 12);
        Assert.Equal(0.002485, view.P99Seconds!.Value, precision: 12);
        Assert.Equal(new Dictionary<string, long> { ["1xx"] = 0, ["2xx"] = 9, ["3xx"] = 0, ["4xx"] = 0, ["5xx"] = 1 }, view.ByStatusClass);
        Assert.Equal((1000L, 2000L), (view.RequestBytes, view.ResponseBytes));
    }
}
