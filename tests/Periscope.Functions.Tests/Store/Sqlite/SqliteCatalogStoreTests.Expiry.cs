using Periscope.Functions.Store;

namespace Periscope.Functions.Tests.Store.Sqlite;

public sealed partial class SqliteCatalogStoreTests
{
    private static readonly DateTimeOffset OneHourIn = StoreFixture.Start.AddHours(1);

    [Fact]
    public async Task ExpireAsync_EndpointSilentSinceBeforeTheCutoff_IsDeletedOthersKept()
    {
        await Apply("sha256:a", StoreFixture.Operation(Orders, "listOrders"));
        await _fixture.Store.ApplyAsync(new ReportWrite(StoreFixture.Endpoint(Orders, "sha256:a", secondsAfterStart: 7200, pod: "orders-2"), null, []), default);

        var expired = await _fixture.Store.ExpireAsync(OneHourIn, default);

        Assert.Equal(new CatalogExpiry(1, 0, 0), expired);
        Assert.Equal(["orders-2"], (await _fixture.Store.ListEndpointsAsync(Orders, default)).Select(endpoint => endpoint.Pod));
    }

    [Fact]
    public async Task ExpireAsync_EveryEndpointGone_KeepsTheServiceItsDocumentAndOperations()
    {
        await Apply("sha256:a", StoreFixture.Operation(Orders, "listOrders"));

        await _fixture.Store.ExpireAsync(OneHourIn, default);

        Assert.Empty(await _fixture.Store.ListEndpointsAsync(Orders, default));
        var service = await _fixture.Store.GetServiceAsync(Orders, default);
        Assert.Equal(("sha256:a", 1), (service!.CurrentDocumentHash, service.OperationCount));
        Assert.NotNull(await _fixture.Store.GetDocumentAsync(Orders, "sha256:a", default));
        Assert.NotNull(await _fixture.Store.GetOperationAsync("default.orders.listOrders", default));
    }

    [Fact]
    public async Task ExpireAsync_DocumentOnlyAnExpiredEndpointServed_IsDeleted()
    {
        await Apply("sha256:a", StoreFixture.Operation(Orders, "listOrders"));
        var newPod = StoreFixture.Endpoint(Orders, "sha256:b", secondsAfterStart: 7200, pod: "orders-2");
        await _fixture.Store.ApplyAsync(new ReportWrite(newPod, StoreFixture.Document(Orders, "sha256:b"), []), default);

        var expired = await _fixture.Store.ExpireAsync(OneHourIn, default);

        Assert.Equal(new CatalogExpiry(1, 0, 1), expired);
        Assert.Null(await _fixture.Store.GetDocumentAsync(Orders, "sha256:a", default));
        Assert.NotNull(await _fixture.Store.GetDocumentAsync(Orders, "sha256:b", default));
    }

    [Fact]
    public async Task ExpireAsync_SilentPodsTrafficSequence_IsForgottenAndItsTotalsKept()
    {
        var summary = StoreFixture.Traffic("a1", 1, [StoreFixture.Calls("GET", "/orders", ok: 3)]);
        await ApplyTraffic(summary);

        var expired = await _fixture.Store.ExpireAsync(OneHourIn, default);

        Assert.Equal(new CatalogExpiry(1, 1, 0), expired);
        Assert.Equal(3, Assert.Single((await _fixture.Store.GetServiceTrafficAsync(Orders, default)).Operations).Totals.Calls);

        // Forgotten: the same sequence would now count again, which is why only pods silent for the retention lose theirs.
        await ApplyTraffic(summary);
        Assert.Equal(6, Assert.Single((await _fixture.Store.GetServiceTrafficAsync(Orders, default)).Operations).Totals.Calls);
    }

    [Fact]
    public async Task ExpireAsync_NothingOlder_DeletesNothing()
    {
        await Apply("sha256:a", StoreFixture.Operation(Orders, "listOrders"));
        await ApplyTraffic(StoreFixture.Traffic("a1", 1, [StoreFixture.Calls("GET", "/orders", ok: 3)]));

        var expired = await _fixture.Store.ExpireAsync(StoreFixture.Start, default);

        Assert.Equal(new CatalogExpiry(0, 0, 0), expired);
        Assert.Single(await _fixture.Store.ListEndpointsAsync(Orders, default));
    }
}
