using System.Text.Json;

namespace Periscope.Functions.Tests.Catalog;

[Collection(SharedCatalogHost.Name)]
public sealed class ListOperationsTests(CatalogHost host)
{
    [Fact]
    public async Task RunAsync_CalledOperation_HasTrafficAndUncalledHasNull()
    {
        await host.ReportAsync(CatalogReports.WithDocument("ops-traffic") with
        {
            Traffic = CatalogReports.Summary("i1", 1, CatalogReports.Calls("GET", "/items/{id}", ok: 9, failed: 1, bucket: 2)),
        });

        var operations = await host.GetJsonAsync("/api/services/default/ops-traffic/operations");

        var byPath = operations.GetProperty("items").EnumerateArray().ToDictionary(item => item.GetProperty("path").GetString()!);
        Assert.Equal(JsonValueKind.Null, byPath["/items"].GetProperty("traffic").ValueKind);
        var traffic = byPath["/items/{id}"].GetProperty("traffic");
        Assert.Equal((10L, 1L, 0.1), (traffic.GetProperty("calls").GetInt64(), traffic.GetProperty("errors").GetInt64(), traffic.GetProperty("errorRate").GetDouble()));
        Assert.Equal(0.00175, traffic.GetProperty("p50Seconds").GetDouble(), precision: 12);
        Assert.Equal(0.002485, traffic.GetProperty("p99Seconds").GetDouble(), precision: 12);
        Assert.Equal((9L, 1L), (traffic.GetProperty("byStatusClass").GetProperty("2xx").GetInt64(), traffic.GetProperty("byStatusClass").GetProperty("5xx").GetInt64()));
        Assert.Equal((100L, 200L), (traffic.GetProperty("requestBytes").GetInt64(), traffic.GetProperty("responseBytes").GetInt64()));
        Assert.True(traffic.GetProperty("firstSeen").GetDateTimeOffset() <= traffic.GetProperty("lastSeen").GetDateTimeOffset());
    }
}
