using System.Net;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Catalog;

[Collection(SharedCatalogHost.Name)]
public sealed class ListEndpointsTests(CatalogHost host)
{
    [Fact]
    public async Task RunAsync_FreshAndStaleEndpoints_ListsOnlyFreshOnes()
    {
        await host.ReportAsync(CatalogReports.Heartbeat("resolve-mixed", pod: "pod-a", address: "10.0.0.1"));
        await host.ReportAsync(CatalogReports.Heartbeat("resolve-mixed", pod: "pod-b", address: "10.0.0.2", at: DateTimeOffset.UtcNow.AddMinutes(-5)));
        await host.ReportAsync(CatalogReports.Heartbeat("resolve-mixed", pod: "pod-c", address: "10.0.0.3"));

        var endpoints = await host.GetJsonAsync("/api/services/default/resolve-mixed/endpoints");

        Assert.Equal(("default", "resolve-mixed"), (endpoints.GetProperty("namespace").GetString(), endpoints.GetProperty("appId").GetString()));
        var items = endpoints.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([("pod-a", "10.0.0.1", 3501), ("pod-c", "10.0.0.3", 3501)],
            items.Select(item => (item.GetProperty("pod").GetString(), item.GetProperty("address").GetString(), item.GetProperty("port").GetInt32())));
        Assert.All(items, item => Assert.True(DateTimeOffset.UtcNow - item.GetProperty("lastHeartbeat").GetDateTimeOffset() < TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task RunAsync_AllStale_AnswersEmptyItems()
    {
        await host.ReportAsync(CatalogReports.Heartbeat("resolve-stale", at: DateTimeOffset.UtcNow.AddMinutes(-2)));

        var endpoints = await host.GetJsonAsync("/api/services/default/resolve-stale/endpoints");

        Assert.Empty(endpoints.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task RunAsync_AddressReusedByNewerPod_ListsItOnce()
    {
        await host.ReportAsync(CatalogReports.Heartbeat("resolve-reused", pod: "pod-old", at: DateTimeOffset.UtcNow.AddSeconds(-30)));
        await host.ReportAsync(CatalogReports.Heartbeat("resolve-reused", pod: "pod-new"));

        var endpoints = await host.GetJsonAsync("/api/services/default/resolve-reused/endpoints");

        Assert.Equal(["pod-new"], endpoints.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("pod").GetString()));
    }

    [Fact]
    public async Task RunAsync_UnknownService_Answers404Problem()
    {
        using var response = await host.Client.GetAsync("/api/services/default/no-such-app/endpoints");

        await ProblemJson.ReadAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RunAsync_NameNotALabel_Answers400Problem()
    {
        using var response = await host.Client.GetAsync("/api/services/default/Not_A_Label/endpoints");

        await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
    }
}
