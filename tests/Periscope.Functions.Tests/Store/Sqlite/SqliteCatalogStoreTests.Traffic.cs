using Microsoft.Data.Sqlite;
using Periscope.Functions.Store;

namespace Periscope.Functions.Tests.Store.Sqlite;

public sealed partial class SqliteCatalogStoreTests
{
    [Fact]
    public async Task ApplyAsync_SameSequenceTwice_CountsTrafficOnce()
    {
        var summary = StoreFixture.Traffic("a1", 1, [StoreFixture.Calls("GET", "/orders", ok: 3, failed: 1)]);

        await ApplyTraffic(summary);
        await ApplyTraffic(summary);

        var totals = Assert.Single((await _fixture.Store.GetServiceTrafficAsync(Orders, default)).Operations).Totals;
        Assert.Equal((4L, 1L, 400L, 800L), (totals.Calls, totals.Errors, totals.RequestBytes, totals.ResponseBytes));
    }

    [Fact]
    public async Task ApplyAsync_OlderSequenceAfterNewer_IsSkipped()
    {
        await ApplyTraffic(StoreFixture.Traffic("a1", 2, [StoreFixture.Calls("GET", "/orders", ok: 5)]));

        await ApplyTraffic(StoreFixture.Traffic("a1", 1, [StoreFixture.Calls("GET", "/orders", ok: 7)]));

        Assert.Equal(5, Assert.Single((await _fixture.Store.GetServiceTrafficAsync(Orders, default)).Operations).Totals.Calls);
    }

    [Fact]
    public async Task ApplyAsync_NextSequenceAndNewInstance_AreBothCounted()
    {
        await ApplyTraffic(StoreFixture.Traffic("a1", 1, [StoreFixture.Calls("GET", "/orders", ok: 1)]));
        await ApplyTraffic(StoreFixture.Traffic("a1", 2, [StoreFixture.Calls("GET", "/orders", ok: 2)]));

        // The sidecar restarted: a new instance starts again at 1.
        await ApplyTraffic(StoreFixture.Traffic("b2", 1, [StoreFixture.Calls("GET", "/orders", ok: 4)]));

        Assert.Equal(7, Assert.Single((await _fixture.Store.GetServiceTrafficAsync(Orders, default)).Operations).Totals.Calls);
    }

    [Fact]
    public async Task ApplyAsync_TwoPods_AddUpFieldByField()
    {
        await ApplyTraffic(StoreFixture.Traffic("same", 1, [StoreFixture.Calls("GET", "/orders", ok: 2, bucket: 0)], pod: "orders-1", unattributed: 1));
        await ApplyTraffic(StoreFixture.Traffic(
            "same", 1, [StoreFixture.Calls("GET", "/orders", ok: 3, failed: 2, bucket: 14, secondsAfterStart: 60)], pod: "orders-2", unattributed: 2));

        var traffic = await _fixture.Store.GetServiceTrafficAsync(Orders, default);
        var totals = Assert.Single(traffic.Operations).Totals;
        Assert.Equal([0, 5, 0, 0, 2], totals.ByStatusClass);
        Assert.Equal(2, totals.Errors);
        Assert.Equal([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5], totals.LatencyCounts);
        Assert.Equal(0.014, totals.LatencySumSeconds, precision: 9);
        Assert.Equal((StoreFixture.Start, StoreFixture.Start.AddSeconds(70)), (totals.FirstSeen, totals.LastSeen));
        Assert.Equal((3L, totals.FirstSeen, totals.LastSeen), (traffic.UnattributedRequests, traffic.FirstSeen!.Value, traffic.LastSeen!.Value));
    }

    [Fact]
    public async Task ApplyAsync_DocumentedAndInferredSamePath_KeptApartAndBothRead()
    {
        await ApplyTraffic(StoreFixture.Traffic("a1", 1, [
            StoreFixture.Calls("GET", "/orders/{id}", ok: 1),
            StoreFixture.Calls("GET", "/orders/{id}", ok: 2, inferred: true),
            StoreFixture.Calls("POST", "/orders/{id}", ok: 4),
        ]));

        var records = await _fixture.Store.GetOperationTrafficAsync(Orders, "GET", "/orders/{id}", default);

        Assert.Equal([(false, 1L), (true, 2L)], records.Select(record => (record.Inferred, record.Totals.Calls)));
        Assert.Empty(await _fixture.Store.GetOperationTrafficAsync(Orders, "DELETE", "/orders/{id}", default));
    }

    [Fact]
    public async Task ApplyAsync_NewOperationsPastTheBound_CountAsUnattributed()
    {
        using var small = new StoreFixture(maxTrafficOperations: 2);
        await small.Store.ApplyAsync(new ReportWrite(StoreFixture.Endpoint(Orders, null), null, [], StoreFixture.Traffic("a1", 1, [
            StoreFixture.Calls("GET", "/a", ok: 1, inferred: true),
            StoreFixture.Calls("GET", "/b", ok: 1, inferred: true),
            StoreFixture.Calls("GET", "/c", ok: 3, inferred: true),
        ])), default);
        await small.Store.ApplyAsync(new ReportWrite(StoreFixture.Endpoint(Orders, null), null, [], StoreFixture.Traffic("a1", 2, [
            StoreFixture.Calls("GET", "/a", ok: 1, inferred: true),
            StoreFixture.Calls("GET", "/d", ok: 5, inferred: true),
        ])), default);

        var traffic = await small.Store.GetServiceTrafficAsync(Orders, default);

        Assert.Equal([("/a", 2L), ("/b", 1L)], traffic.Operations.Select(operation => (operation.PathTemplate, operation.Totals.Calls)));
        Assert.Equal(8, traffic.UnattributedRequests);
    }

    [Fact]
    public async Task ApplyAsync_FailsMidway_LeavesTrafficAndSequenceUnapplied()
    {
        await Apply("sha256:a", StoreFixture.Operation(Orders, "listOrders"));
        var duplicate = StoreFixture.Operation(Orders, "getOrder");
        var summary = StoreFixture.Traffic("a1", 1, [StoreFixture.Calls("GET", "/orders", ok: 3)]);
        var failing = new ReportWrite(StoreFixture.Endpoint(Orders, "sha256:b"), StoreFixture.Document(Orders, "sha256:b"), [duplicate, duplicate], summary);

        await Assert.ThrowsAsync<SqliteException>(() => _fixture.Store.ApplyAsync(failing, default));
        Assert.Same(ServiceTraffic.None, await _fixture.Store.GetServiceTrafficAsync(Orders, default));

        // The sidecar resends the same summary, which now counts.
        await ApplyTraffic(summary);
        Assert.Equal(3, Assert.Single((await _fixture.Store.GetServiceTrafficAsync(Orders, default)).Operations).Totals.Calls);
    }

    [Fact]
    public async Task ApplyAsync_InstanceSilentPastRetention_IsForgotten()
    {
        var old = StoreFixture.Traffic("a1", 1, [StoreFixture.Calls("GET", "/orders", ok: 1)]);
        await ApplyTraffic(old);
        await ApplyTraffic(StoreFixture.Traffic("b2", 1, [StoreFixture.Calls("GET", "/orders", ok: 1)], daysAfterStart: 6));
        await ApplyTraffic(old);
        Assert.Equal(2, Assert.Single((await _fixture.Store.GetServiceTrafficAsync(Orders, default)).Operations).Totals.Calls);

        await ApplyTraffic(StoreFixture.Traffic("c3", 1, [StoreFixture.Calls("GET", "/orders", ok: 1)], daysAfterStart: 8));
        await ApplyTraffic(old);

        Assert.Equal(4, Assert.Single((await _fixture.Store.GetServiceTrafficAsync(Orders, default)).Operations).Totals.Calls);
    }

    [Fact]
    public async Task GetServiceTrafficAsync_NoTraffic_ReturnsNone()
    {
        await Apply("sha256:a", StoreFixture.Operation(Orders, "listOrders"));

        Assert.Same(ServiceTraffic.None, await _fixture.Store.GetServiceTrafficAsync(Orders, default));
        Assert.Empty(await _fixture.Store.GetOperationTrafficAsync(Orders, "GET", "/orders", default));
    }

    private Task<long> ApplyTraffic(TrafficWrite traffic) =>
        _fixture.Store.ApplyAsync(new ReportWrite(StoreFixture.Endpoint(Orders, null, pod: traffic.Pod), null, [], traffic), default);
}
