using System.Text.Json;
using Periscope.Functions.Tests.Catalog;

namespace Periscope.Functions.Tests.Alerts;

/// <summary>
/// Catalog matching: services reported the way a sidecar reports them (<see cref="CatalogReports"/>, namespace
/// default), then an alert through the receiver, then its enrichment as GET /api/alerts/{id} shows it.
/// </summary>
public sealed class AlertEnricherTests(AlertsHostFixture fixture) : IClassFixture<AlertsHostFixture>
{
    private AlertsHost Host => fixture.Host;

    [Theory]
    [InlineData("app", "enrich-by-app")]
    [InlineData("service", "enrich-by-service")]
    [InlineData("app_id", "enrich-by-app-id")]
    public async Task EnrichAsync_ServiceLabel_MatchesAppIdAndItsOperations(string label, string appId)
    {
        await Host.ReportAsync(CatalogReports.WithDocument(appId));

        var enrichment = await ReceiveAsync(appId, ("pod", "not-a-reporting-pod"), (label, appId));

        Assert.Equal(appId, enrichment.GetProperty("appId").GetString());
        var expected = await OperationKeysAsync(appId);
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Keys(enrichment).Order(StringComparer.Ordinal));
        Assert.Equal($"https://periscope.example/portal/services/default/{appId}", enrichment.GetProperty("portalUrl").GetString());
    }

    [Fact]
    public async Task EnrichAsync_PodOfAHeartbeat_MatchesItsAppId()
    {
        const string AppId = "enrich-by-pod";
        await Host.ReportAsync(CatalogReports.WithDocument(AppId) with { Pod = "enrich-by-pod-7f9c-x2" });

        var enrichment = await ReceiveAsync(AppId, ("pod", "enrich-by-pod-7f9c-x2"));

        Assert.Equal(AppId, enrichment.GetProperty("appId").GetString());
        Assert.Equal((await OperationKeysAsync(AppId)).Order(StringComparer.Ordinal), Keys(enrichment).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EnrichAsync_OperationLabel_NamesThatOperationOnly()
    {
        const string AppId = "enrich-by-operation";
        await Host.ReportAsync(CatalogReports.WithDocument(AppId));
        var key = (await OperationKeysAsync(AppId)).Order(StringComparer.Ordinal).First();

        var enrichment = await ReceiveAsync(AppId, ("operation", key));

        Assert.Equal(AppId, enrichment.GetProperty("appId").GetString());
        Assert.Equal([key], Keys(enrichment));
    }

    [Fact]
    public async Task EnrichAsync_NothingCataloged_NoAppIdNoOperations()
    {
        var enrichment = await ReceiveAsync("enrich-unknown", ("app", "enrich-never-reported"), ("pod", "enrich-never-reported-0"));

        Assert.Equal(JsonValueKind.Null, enrichment.GetProperty("appId").ValueKind);
        Assert.Empty(Keys(enrichment));
        Assert.Equal("default", enrichment.GetProperty("namespace").GetString());
    }

    /// <summary>Posts one alert in namespace default whose labels include <paramref name="labels"/> (the pod label replaced when given) and returns the stored alert's enrichment.</summary>
    private async Task<JsonElement> ReceiveAsync(string groupKey, params (string Name, string Value)[] labels)
    {
        var alert = AlertPayloads.Alert("Enrich" + groupKey, "default", extra: labels);
        using (var response = await Host.PostPayloadAsync(AlertPayloads.Group(groupKey, [alert])))
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        var id = Assert.Single(Assert.Single(Host.Notifier.For(groupKey)).Alerts).Id;
        return (await Host.GetJsonAsync($"/api/alerts/{id}")).GetProperty("enrichment");
    }

    private async Task<List<string>> OperationKeysAsync(string appId) =>
        (await Host.GetJsonAsync($"/api/services/default/{appId}/operations")).GetProperty("items").EnumerateArray()
            .Select(item => item.GetProperty("operationKey").GetString()!).ToList();

    private static List<string> Keys(JsonElement enrichment) =>
        enrichment.GetProperty("operations").EnumerateArray().Select(key => key.GetString()!).ToList();
}
