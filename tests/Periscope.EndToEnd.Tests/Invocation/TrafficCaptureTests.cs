using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Periscope.EndToEnd.Tests.Infrastructure;

namespace Periscope.EndToEnd.Tests.Invocation;

/// <summary>
/// Known traffic through two sidecars shows up in the catalog: per-operation calls and errors,
/// inferred (undocumented) operations, and documented operations never called. The fixture is this
/// class's own, so the counts are exact.
/// </summary>
public sealed class TrafficCaptureTests(TwoSidecarFixture pods) : IClassFixture<TwoSidecarFixture>
{
    [Fact]
    public async Task Traffic_KnownCalls_ShowInTheCatalog()
    {
        using var dapr = new HttpClient { BaseAddress = pods.WebSidecar.DaprUrl };
        for (var i = 0; i < 3; i++)
        {
            using var created = await dapr.PostAsJsonAsync("/v1.0/invoke/orders/method/orders", new
            {
                customerEmail = $"buyer{i}@example.com",
                items = new[] { new { sku = "TEA-001", quantity = 1, unitPrice = 10m } },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        for (var i = 0; i < 4; i++)
        {
            using var missing = await dapr.GetAsync($"/v1.0/invoke/orders/method/orders/{Guid.NewGuid()}");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        foreach (var id in new[] { "12345", "67890", "12345" })
        {
            using var shadow = await dapr.GetAsync($"/v1.0/invoke/orders/method/legacy/items/{id}");
        }

        JsonNode? last = null;
        var traffic = await Eventually.Until(
            async () =>
            {
                var view = last = await pods.Catalog.GetJsonAsync("api/services/default/orders/traffic");
                return Calls(view["documented"], "getOrder") == 4 && Calls(view["documented"], "createOrder") == 3
                    && Inferred(view, "/legacy/items/{id}")?["traffic"]?["calls"] is { } inferred && (long)inferred == 3 ? view : null;
            },
            "the catalog to show the traffic driven").WaitAsync(TimeSpan.FromSeconds(40)).ContinueWith(
                task => task.IsCompletedSuccessfully ? task.Result : throw new TimeoutException($"{task.Exception?.InnerException?.Message}\nLast view: {last}\n{pods.Logs}"),
                TaskScheduler.Default);

        var getOrder = Operation(traffic["documented"], "getOrder")!["traffic"]!;
        Assert.Equal(4, (long)getOrder["byStatusClass"]!["4xx"]!);
        Assert.Equal(0, (long)getOrder["errors"]!);
        Assert.True((double)getOrder["p99Seconds"]! > 0);
        Assert.Equal(3, (long)Inferred(traffic, "/legacy/items/{id}")!["traffic"]!["calls"]!);
        var unused = traffic["unused"]!.AsArray().Select(operation => (string?)operation!["operationId"]).ToList();
        Assert.Contains("cancelOrder", unused);
        Assert.Contains("setOrderStatus", unused);
        Assert.DoesNotContain("getOrder", unused);

        var operation = await pods.Catalog.GetJsonAsync("api/operations/default.orders.createOrder");
        Assert.Equal(3, (long)operation["traffic"]!["calls"]!);
    }

    private static JsonNode? Operation(JsonNode? list, string operationId) =>
        list?.AsArray().FirstOrDefault(operation => (string?)operation!["operationId"] == operationId);

    private static long Calls(JsonNode? list, string operationId) =>
        Operation(list, operationId)?["traffic"]?["calls"] is { } calls ? (long)calls : 0;

    private static JsonNode? Inferred(JsonNode view, string template) =>
        view["inferred"]?.AsArray().FirstOrDefault(operation => (string?)operation!["path"] == template && (string?)operation!["method"] == "GET");
}
