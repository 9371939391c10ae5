using System.Text.Json;

namespace Periscope.Functions.Tests.Catalog;

[Collection(SharedCatalogHost.Name)]
public sealed class GetOperationTests(CatalogHost host)
{
    [Fact]
    public async Task RunAsync_OperationCalledAsDocumentedAndInferred_ShowsTheSum()
    {
        await host.ReportAsync(CatalogReports.WithDocument("op-traffic") with
        {
            Traffic = CatalogReports.Summary("i1", 1,
                CatalogReports.Calls("GET", "/items/{id}", ok: 3),
                CatalogReports.Calls("GET", "/items/{id}", ok: 2, inferred: true)),
        });

        var called = await host.GetJsonAsync("/api/operations/default.op-traffic.getItem");
        var uncalled = await host.GetJsonAsync("/api/operations/default.op-traffic.createItem");

        Assert.Equal(5, called.GetProperty("traffic").GetProperty("calls").GetInt64());
        Assert.True(called.TryGetProperty("parameters", out _));
        Assert.Equal(JsonValueKind.Null, uncalled.GetProperty("traffic").ValueKind);
    }
}
