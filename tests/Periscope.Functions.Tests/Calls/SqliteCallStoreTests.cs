using Microsoft.Data.Sqlite;
using Periscope.Functions.Calls;
using Periscope.Functions.Store;
using Periscope.Functions.Store.Sqlite;

namespace Periscope.Functions.Tests.Calls;

public sealed class SqliteCallStoreTests : IDisposable
{
    private readonly CallStoreFixture _fixture = new();

    private SqliteCallStore Store => _fixture.Store;

    [Fact]
    public async Task GetAsync_StoredWithHeadersAndBodies_ReturnsEveryField()
    {
        var call = CallSamples.Stored() with
        {
            OperationKey = "default.orders.getOrder",
            Error = "timeout",
            RequestHeaders = [new CallHeader("accept", "application/json"), new CallHeader("x-tag", "a"), new CallHeader("x-tag", "b")],
            RequestBody = "{\"id\":1}",
            ResponseBody = "订单",
            BodiesTruncated = true,
            BodyEncoding = CallBodyEncoding.Utf8,
        };
        await Store.InsertAsync([call], CancellationToken.None);
        var id = (await Store.ListAsync(new CallQuery(new PageRequest(10, null)), CancellationToken.None)).Items.Single().Id;

        var stored = await Store.GetAsync(id, CancellationToken.None);

        Assert.Equal(call with { Id = id, RequestHeaders = null }, stored! with { RequestHeaders = null });
        Assert.Equal(call.RequestHeaders, stored.RequestHeaders);
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull() =>
        Assert.Null(await Store.GetAsync(42, CancellationToken.None));

    [Fact]
    public async Task InsertAsync_OneRecordFails_StoresNoneOfTheBatch()
    {
        var broken = CallSamples.Stored() with { Namespace = null! };

        await Assert.ThrowsAsync<SqliteException>(() => Store.InsertAsync([CallSamples.Stored(), broken, CallSamples.Stored()], CancellationToken.None));

        Assert.Empty((await Store.ListAsync(new CallQuery(new PageRequest(10, null)), CancellationToken.None)).Items);
    }

    [Fact]
    public async Task ListAsync_Pages_NewestFirstWithoutGapsOrRepeats()
    {
        // Two records share each time: the id breaks the tie, so paging neither skips nor repeats one.
        await Store.InsertAsync(Enumerable.Range(0, 7).Select(i => CallSamples.Stored(secondsAfterStart: i / 2)).ToList(), CancellationToken.None);
        var seen = new List<StoredCall>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Store.ListAsync(new CallQuery(new PageRequest(2, token)), CancellationToken.None);
            seen.AddRange(page.Items);
            token = page.Continue;
            pages++;
        }
        while (token is not null);

        Assert.Equal(4, pages);
        Assert.Equal(7, seen.Select(call => call.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(call => call.Time).ThenByDescending(call => call.Id).Select(call => call.Id), seen.Select(call => call.Id));
        Assert.All(seen, call => Assert.Null(call.RequestBody));
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("YWJj")]
    [InlineData("MjAyNi0xMS0yMlQwODowMDowMFofeA")]
    public async Task ListAsync_ForgedContinueToken_ThrowsInvalidContinueToken(string token) =>
        await Assert.ThrowsAsync<InvalidContinueTokenException>(() => Store.ListAsync(new CallQuery(new PageRequest(2, token)), CancellationToken.None));

    [Fact]
    public async Task ListAsync_Filters_CombineAndBoundTimeFromInclusiveToExclusive()
    {
        await Store.InsertAsync(
        [
            CallSamples.Stored(appId: "orders", status: 200, secondsAfterStart: 0),
            CallSamples.Stored(appId: "orders", status: 503, secondsAfterStart: 10),
            CallSamples.Stored(appId: "orders", status: 404, secondsAfterStart: 20, keyId: "key-2"),
            CallSamples.Stored(appId: "billing", status: 500, secondsAfterStart: 30, operationKey: "default.billing.pay"),
            CallSamples.Stored(appId: "orders", status: 201, secondsAfterStart: 40, @namespace: "shop"),
        ], CancellationToken.None);

        async Task<int[]> Statuses(CallQuery query) =>
            (await Store.ListAsync(query, CancellationToken.None)).Items.Select(call => call.Status).ToArray();
        var all = new CallQuery(new PageRequest(100, null));

        Assert.Equal(new[] { 201, 500, 404, 503, 200 }, await Statuses(all));
        Assert.Equal(new[] { 404, 503, 200 }, await Statuses(all with { Namespace = "default", AppId = "orders" }));
        Assert.Equal(new[] { 201, 404, 503, 200 }, await Statuses(all with { AppId = "orders" }));
        Assert.Equal(new[] { 500, 503 }, await Statuses(all with { StatusClass = 5 }));
        Assert.Equal(new[] { 404 }, await Statuses(all with { Status = 404 }));
        Assert.Equal(new[] { 404 }, await Statuses(all with { KeyId = "key-2" }));
        Assert.Equal(new[] { 500 }, await Statuses(all with { OperationKey = "default.billing.pay" }));
        Assert.Equal(new[] { 404, 503 }, await Statuses(all with { From = CallSamples.Start.AddSeconds(10), To = CallSamples.Start.AddSeconds(30) }));
        Assert.Equal(new[] { 503 }, await Statuses(all with { StatusClass = 5, Namespace = "default", AppId = "orders" }));
        Assert.Empty(await Statuses(all with { From = CallSamples.Start.AddSeconds(10), To = CallSamples.Start.AddSeconds(10) }));
    }

    [Fact]
    public async Task ListAsync_FromInAnotherOffset_ComparesAsTheSameInstant()
    {
        await Store.InsertAsync([CallSamples.Stored(secondsAfterStart: 0), CallSamples.Stored(secondsAfterStart: 3600)], CancellationToken.None);
        var from = CallSamples.Start.AddMinutes(30).ToOffset(TimeSpan.FromHours(8));

        var page = await Store.ListAsync(new CallQuery(new PageRequest(10, null)) { From = from }, CancellationToken.None);

        Assert.Equal(CallSamples.Start.AddSeconds(3600), page.Items.Single().Time);
    }

    public void Dispose() => _fixture.Dispose();
}
