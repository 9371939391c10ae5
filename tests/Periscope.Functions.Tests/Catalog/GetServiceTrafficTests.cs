using System.Net;
using System.Text.Json;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Catalog;

[Collection(SharedCatalogHost.Name)]
public sealed class GetServiceTrafficTests(CatalogHost host)
{
    [Fact]
    public async Task RunAsync_CalledInferredAndUnused_SplitsOperations()
    {
        await host.ReportAsync(CatalogReports.WithDocument("traffic-split") with
        {
            Traffic = CatalogReports.Summary("i1", 1,
                CatalogReports.Calls("GET", "/items/{id}", ok: 9, failed: 1),
                CatalogReports.Calls("GET", "/legacy/{id}", ok: 2, inferred: true)) with { UnattributedRequests = 3 },
        });

        var traffic = await host.GetJsonAsync("/api/services/default/traffic-split/traffic");

        var documented = Assert.Single(traffic.GetProperty("documented").EnumerateArray());
        Assert.Equal(("default.traffic-split.getItem", 10L, 0.1), (
            documented.GetProperty("operationKey").GetString(),
            documented.GetProperty("traffic").GetProperty("calls").GetInt64(),
            documented.GetProperty("traffic").GetProperty("errorRate").GetDouble()));
        var inferred = Assert.Single(traffic.GetProperty("inferred").EnumerateArray());
        Assert.Equal(("GET", "/legacy/{id}", 2L), (
            inferred.GetProperty("method").GetString(), inferred.GetProperty("path").GetString(), inferred.GetProperty("traffic").GetProperty("calls").GetInt64()));
        var unused = Assert.Single(traffic.GetProperty("unused").EnumerateArray());
        Assert.Equal(("POST", "/items", JsonValueKind.Null), (
            unused.GetProperty("method").GetString(), unused.GetProperty("path").GetString(), unused.GetProperty("traffic").ValueKind));
        Assert.Equal(3, traffic.GetProperty("unattributedRequests").GetInt64());
        var window = traffic.GetProperty("window");
        Assert.True(window.GetProperty("from").GetDateTimeOffset() <= window.GetProperty("to").GetDateTimeOffset());
    }

    [Fact]
    public async Task RunAsync_NoTrafficYet_ListsEveryOperationUnused()
    {
        await host.ReportAsync(CatalogReports.WithDocument("traffic-none"));

        var traffic = await host.GetJsonAsync("/api/services/default/traffic-none/traffic");

        Assert.Empty(traffic.GetProperty("documented").EnumerateArray());
        Assert.Empty(traffic.GetProperty("inferred").EnumerateArray());
        Assert.Equal(2, traffic.GetProperty("unused").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, traffic.GetProperty("window").ValueKind);
    }

    [Fact]
    public async Task RunAsync_UnknownService_Answers404Problem()
    {
        using var response = await host.Client.GetAsync("/api/services/default/no-such-app/traffic");

        await ProblemJson.ReadAsync(response, HttpStatusCode.NotFound);
    }
}
