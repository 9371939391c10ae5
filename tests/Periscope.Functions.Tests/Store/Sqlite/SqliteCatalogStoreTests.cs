using Microsoft.Data.Sqlite;
using Periscope.Functions.Store;

namespace Periscope.Functions.Tests.Store.Sqlite;

public sealed partial class SqliteCatalogStoreTests : IDisposable
{
    private readonly StoreFixture _fixture = new();
    private static readonly ServiceKey Orders = StoreFixture.Orders;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task ApplyAsync_NewDocument_BecomesCurrentWithNextVersion()
    {
        var first = await Apply("sha256:a", StoreFixture.Operation(Orders, "listOrders"));
        var second = await Apply("sha256:b", StoreFixture.Operation(Orders, "getOrder", path: "/orders/{id}"), StoreFixture.Operation(Orders, "createOrder", "POST"));

        var service = await _fixture.Store.GetServiceAsync(Orders, default);
        Assert.Equal((1, 2), (first, second));
        Assert.Equal("sha256:b", service!.CurrentDocumentHash);
        Assert.Equal(2, service.OperationCount);
        var operations = await _fixture.Store.ListOperationsAsync(Orders, new PageRequest(10, null), default);
        Assert.Equal(["createOrder", "getOrder"], operations.Items.Select(operation => operation.OperationId));
        Assert.Null(await _fixture.Store.GetOperationAsync("default.orders.listOrders", default));
    }

    [Fact]
    public async Task ApplyAsync_FailsMidway_LeavesPreviousStateWhole()
    {
        await Apply("sha256:a", StoreFixture.Operation(Orders, "listOrders"));
        var duplicate = StoreFixture.Operation(Orders, "getOrder");
        var write = new ReportWrite(
            StoreFixture.Endpoint(Orders, "sha256:b", secondsAfterStart: 60),
            StoreFixture.Document(Orders, "sha256:b", title: "Changed"),
            [StoreFixture.Operation(Orders, "createOrder", "POST"), duplicate, duplicate]);

        await Assert.ThrowsAsync<SqliteException>(() => _fixture.Store.ApplyAsync(write, default));

        var service = await _fixture.Store.GetServiceAsync(Orders, default);
        Assert.Equal(("sha256:a", 1L, "Orders"), (service!.CurrentDocumentHash, service.DocumentVersion, service.Title));
        var endpoint = await _fixture.Store.GetEndpointAsync(Orders, "orders-1", "app", default);
        Assert.Equal(StoreFixture.Endpoint(Orders, "sha256:a"), endpoint);
        Assert.NotNull(await _fixture.Store.GetOperationAsync("default.orders.listOrders", default));
        Assert.Null(await _fixture.Store.GetOperationAsync("default.orders.createOrder", default));
    }

    [Fact]
    public async Task ApplyAsync_HeartbeatOnly_KeepsDocumentAndUpdatesEndpoint()
    {
        await Apply("sha256:a", StoreFixture.Operation(Orders, "listOrders"));

        var version = await _fixture.Store.ApplyAsync(new ReportWrite(StoreFixture.Endpoint(Orders, "sha256:a", 30), null, []), default);

        Assert.Equal(1, version);
        var service = await _fixture.Store.GetServiceAsync(Orders, default);
        Assert.Equal(StoreFixture.Endpoint(Orders, null, 30).LastHeartbeat, service!.LastHeartbeat);
        Assert.Equal(1, service.OperationCount);
    }

    [Fact]
    public async Task ApplyAsync_DocumentNoEndpointServes_IsPruned()
    {
        await Apply("sha256:a", StoreFixture.Operation(Orders, "listOrders"));
        await Apply("sha256:b", StoreFixture.Operation(Orders, "listOrders"));

        Assert.Null(await _fixture.Store.GetDocumentAsync(Orders, "sha256:a", default));
        Assert.NotNull(await _fixture.Store.GetDocumentAsync(Orders, "sha256:b", default));
    }

    [Fact]
    public async Task ApplyAsync_DocumentAnotherPodStillServes_IsKept()
    {
        await Apply("sha256:a", StoreFixture.Operation(Orders, "listOrders"));
        var newPod = StoreFixture.Endpoint(Orders, "sha256:b", pod: "orders-2");
        await _fixture.Store.ApplyAsync(new ReportWrite(newPod, StoreFixture.Document(Orders, "sha256:b"), []), default);

        Assert.NotNull(await _fixture.Store.GetDocumentAsync(Orders, "sha256:a", default));
        Assert.Equal(2, (await _fixture.Store.ListEndpointsAsync(Orders, default)).Count);
    }

    [Fact]
    public async Task Constructor_Reopened_KeepsDataAndSchemaVersion()
    {
        await Apply("sha256:a", StoreFixture.Operation(Orders, "listOrders"));

        var reopened = _fixture.Open();

        Assert.NotNull(await reopened.GetServiceAsync(Orders, default));
        await using var connection = new SqliteConnection($"Data Source={reopened.DatabasePath}");
        connection.Open();
        Assert.Equal(Periscope.Functions.Store.Sqlite.SqliteMigrations.Latest, Periscope.Functions.Store.Sqlite.SqliteMigrations.CurrentVersion(connection));
        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)mode.ExecuteScalar());
    }

    [Fact]
    public async Task Constructor_SchemaNewerThanBuild_RefusesToOpen()
    {
        await using (var connection = new SqliteConnection($"Data Source={_fixture.Store.DatabasePath}"))
        {
            connection.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (999, 'later')";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(() => _fixture.Open());
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListServicesAsync_PagedWithFilter_ContinuesInKeyOrder()
    {
        foreach (var (ns, app) in new[] { ("shop", "orders"), ("default", "orders"), ("default", "billing"), ("default", "catalog") })
        {
            await _fixture.Store.ApplyAsync(new ReportWrite(StoreFixture.Endpoint(new ServiceKey(ns, app), null), null, []), default);
        }

        var first = await _fixture.Store.ListServicesAsync(new ServiceQuery("default", null, new PageRequest(2, null)), default);
        var second = await _fixture.Store.ListServicesAsync(new ServiceQuery("default", null, new PageRequest(2, first.Continue)), default);
        var text = await _fixture.Store.ListServicesAsync(new ServiceQuery(null, "ord", new PageRequest(10, null)), default);

        Assert.Equal(["billing", "catalog"], first.Items.Select(service => service.Key.AppId));
        Assert.Equal(["orders"], second.Items.Select(service => service.Key.AppId));
        Assert.Null(second.Continue);
        Assert.Equal(["default/orders", "shop/orders"], text.Items.Select(service => service.Key.ToString()));
    }

    [Fact]
    public async Task ListServicesAsync_ForgedContinue_Throws()
    {
        await Assert.ThrowsAsync<InvalidContinueTokenException>(() =>
            _fixture.Store.ListServicesAsync(new ServiceQuery(null, null, new PageRequest(2, "bm90LWEtdG9rZW4")), default));
    }

    [Theory]
    [InlineData("order", new[] { "createOrder", "listOrders" })]
    [InlineData("ORDERS post", new[] { "createOrder" })]
    [InlineData("订单", new[] { "listOrders" })]
    [InlineData("订单 查询", new[] { "listOrders" })]
    [InlineData("订单 list", new[] { "listOrders" })]
    [InlineData("订单 place", new string[0])]
    [InlineData("订单 退款", new string[0])]
    [InlineData("no-such-thing", new string[0])]
    [InlineData("or", new[] { "createOrder", "listOrders" })]
    [InlineData("PO", new[] { "createOrder" })]
    [InlineData("po 订单", new string[0])]
    [InlineData("zq", new string[0])]
    [InlineData("r", new[] { "createOrder", "listOrders" })]
    [InlineData("P", new[] { "createOrder" })]
    [InlineData("q", new string[0])]
    [InlineData("单", new[] { "listOrders" })]
    [InlineData("单 p", new string[0])]
    [InlineData("-", new string[0])]
    [InlineData("/", new[] { "createOrder", "listOrders" })] // punctuation: a scan
    [InlineData("an or", new[] { "createOrder" })]
    [InlineData("an-", new string[0])]
    [InlineData("fa", new[] { "createOrder", "listOrders" })] // only in the namespace, "default"
    public async Task SearchAsync_Terms_MatchOperationsContainingEveryTerm(string query, string[] expected)
    {
        await Apply("sha256:a",
            StoreFixture.Operation(Orders, "listOrders", summary: "查询订单列表"),
            StoreFixture.Operation(Orders, "createOrder", "POST", summary: "Place an order"));

        var hits = await _fixture.Store.SearchAsync(query, new PageRequest(10, null), default);

        Assert.Equal(expected, hits.Items.Where(hit => hit.Kind == "operation").Select(hit => hit.OperationId!).Order());
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("orders AND OR NOT")]
    [InlineData("NEAR(a b)")]
    [InlineData("col:value *")]
    [InlineData("%_\\")]
    public async Task SearchAsync_QuerySyntaxCharacters_AreSearchedAsText(string query)
    {
        await Apply("sha256:a", StoreFixture.Operation(Orders, "listOrders"));

        var hits = await _fixture.Store.SearchAsync(query, new PageRequest(10, null), default);

        Assert.DoesNotContain(hits.Items, hit => hit.OperationId == "listOrders" && !query.Contains("orders", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchAsync_Paged_ContinuesWithoutRepeats()
    {
        await Apply("sha256:a", Enumerable.Range(0, 5).Select(i => StoreFixture.Operation(Orders, $"op{i}", path: $"/orders/{i}")).ToArray());

        var first = await _fixture.Store.SearchAsync("orders", new PageRequest(4, null), default);
        var second = await _fixture.Store.SearchAsync("orders", new PageRequest(4, first.Continue), default);

        var all = first.Items.Concat(second.Items).Select(hit => hit.OperationKey ?? "service").ToList();
        Assert.Equal(6, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Theory]
    [InlineData("订单")] // two characters: the pairs index
    [InlineData("订单服务")] // the trigram index: the two operations rank equally
    [InlineData("订")] // one character: the short substrings' index
    public async Task SearchAsync_EqualMatches_ServiceFirstThenOperationsInCatalogOrder(string query)
    {
        var write = new ReportWrite(
            StoreFixture.Endpoint(Orders, "sha256:a"),
            StoreFixture.Document(Orders, "sha256:a", title: "订单服务"),
            [StoreFixture.Operation(Orders, "zeta", summary: "订单服务 z"), StoreFixture.Operation(Orders, "beta", summary: "订单服务 b")]);
        await _fixture.Store.ApplyAsync(write, default);

        var hits = await _fixture.Store.SearchAsync(query, new PageRequest(10, null), default);

        Assert.Equal(["service", "zeta", "beta"], hits.Items.Select(hit => hit.Kind == "service" ? "service" : hit.OperationId!));
    }

    [Fact]
    public async Task SearchAsync_TwoCjkCharacters_FollowTitlesAndOperationsAsTheyChange()
    {
        await _fixture.Store.ApplyAsync(new ReportWrite(
            StoreFixture.Endpoint(Orders, "sha256:a"),
            StoreFixture.Document(Orders, "sha256:a", title: "订单服务"),
            [StoreFixture.Operation(Orders, "listOrders", summary: "查询订单列表")]), default);
        await _fixture.Store.ApplyAsync(new ReportWrite(
            StoreFixture.Endpoint(Orders, "sha256:b"),
            StoreFixture.Document(Orders, "sha256:b", title: "支付服务"),
            [StoreFixture.Operation(Orders, "refund", "POST", summary: "退款")]), default);

        Assert.Equal(["refund"], await FoundAsync("退款"));
        Assert.Equal(["service"], await FoundAsync("支付"));
        Assert.Empty(await FoundAsync("订单"));
        Assert.Empty(await FoundAsync("查询"));
    }

    [Fact]
    public async Task SearchAsync_ShortTermOfAServiceWithoutDocument_FindsIt()
    {
        await _fixture.Store.ApplyAsync(new ReportWrite(StoreFixture.Endpoint(Orders, "sha256:a"), null, []), default);

        Assert.Equal(["service"], await FoundAsync("fa"));
    }

    [Fact]
    public async Task Open_StoreFromBeforeThePairsIndex_FillsItFromTheSearchRows()
    {
        await Apply("sha256:a", StoreFixture.Operation(Orders, "listOrders", summary: "查询订单列表"));
        await ExecuteAsync("DROP TABLE search_pairs; DELETE FROM schema_version WHERE version >= 8;");

        var reopened = _fixture.Open();

        var hits = await reopened.SearchAsync("订单", new PageRequest(10, null), default);
        Assert.Equal(["listOrders"], hits.Items.Select(hit => hit.OperationId));
    }

    [Fact]
    public async Task Open_StoreWithCjkPairsOnly_RebuildsTheIndexWithEveryShortSubstring()
    {
        await Apply("sha256:a", StoreFixture.Operation(Orders, "listOrders", summary: "查询订单列表"));
        await ExecuteAsync("""
            DROP TABLE search_pairs;
            CREATE VIRTUAL TABLE search_pairs USING fts5 (pairs, tokenize = 'unicode61');
            INSERT INTO search_pairs (rowid, pairs) SELECT rowid, '订单' FROM search WHERE kind = 'operation';
            DELETE FROM schema_version WHERE version >= 9;
            """);

        var reopened = _fixture.Open();

        Assert.Equal(1L, await ExecuteAsync(
            "SELECT count(*) FROM search_pairs WHERE search_pairs MATCH 'li' AND search_pairs MATCH '询订' AND search_pairs MATCH '询'"));
        var hits = await reopened.SearchAsync("li", new PageRequest(10, null), default);
        Assert.Equal(["listOrders"], hits.Items.Where(hit => hit.Kind == "operation").Select(hit => hit.OperationId));
    }

    /// <summary>Runs <paramref name="sql"/> on the store's database file behind its back, as an older version left it; the first column of the first row.</summary>
    private async Task<object?> ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_fixture.Store.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private async Task<List<string>> FoundAsync(string query) =>
        [.. (await _fixture.Store.SearchAsync(query, new PageRequest(10, null), default)).Items.Select(hit => hit.Kind == "service" ? "service" : hit.OperationId!)];

    private Task<long> Apply(string hash, params OperationRecord[] operations) =>
        _fixture.Store.ApplyAsync(new ReportWrite(StoreFixture.Endpoint(Orders, hash), StoreFixture.Document(Orders, hash), operations), default);
}
