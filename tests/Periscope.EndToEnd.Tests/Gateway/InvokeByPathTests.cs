using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Periscope.EndToEnd.Tests.Infrastructure;

namespace Periscope.EndToEnd.Tests.Gateway;

/// <summary><c>/api/invoke/{namespace}/{appId}/{**path}</c> through real sidecars to real apps.</summary>
[Collection(SharedGateway.Name)]
public sealed class InvokeByPathTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Invoke_OrderLifecycle_EachMethodReachesTheApp()
    {
        var client = gateway.Client;

        using var created = await client.PostAsJsonAsync("api/invoke/default/orders/orders", new
        {
            customerEmail = "li.lei@example.com",
            items = new[] { new { sku = "TEA-250G", quantity = 2, unitPrice = 38.5m } },
        });
        var order = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{created.StatusCode}: {order}\n{gateway.Logs}");
        var id = (string)order["id"]!;

        using var fetched = await client.GetAsync($"api/invoke/default/orders/orders/{id}");
        using var listed = await client.GetAsync("api/invoke/default/orders/orders?status=Pending");
        using var paid = await client.PutAsync($"api/invoke/default/orders/orders/{id}/status?status=Paid", null);
        using var patched = await client.PatchAsync($"api/invoke/default/orders/orders/{id}", JsonContent.Create(new { note = "x" }));
        using var deleted = await client.DeleteAsync($"api/invoke/default/orders/orders/{id}");
        using var gone = await client.GetAsync($"api/invoke/default/orders/orders/{id}");

        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("li.lei@example.com", (string?)JsonNode.Parse(await fetched.Content.ReadAsStringAsync())!["customerEmail"]);
        Assert.Contains(id, await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Paid", (string?)JsonNode.Parse(await paid.Content.ReadAsStringAsync())!["status"]);

        // The app has no PATCH route: its own 405 comes back, not a gateway problem.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, patched.StatusCode);
        Assert.NotEqual("application/problem+json", patched.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.NotEqual("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Invoke_CallersRequest_ReachesTheAppWithItsPathQueryHeadersAndBody()
    {
        var before = gateway.Echo.Received.Count;
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/invoke/default/echo/things/a%20b?x=1&y=%2F")
        {
            Content = new StringContent("""{"v":"值"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Tenant", "acme");
        request.Headers.TryAddWithoutValidation("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        using var response = await gateway.Client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{gateway.Logs}");
        var received = gateway.Echo.Received.Skip(before).Single();
        Assert.Equal(("POST", "/things/a%20b?x=1&y=%2F"), (received.Method, received.Target));
        Assert.Equal("""{"v":"值"}""", received.Body);
        Assert.Equal("acme", received.Header("X-Tenant"));
        Assert.Equal("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", received.Header("traceparent"));
        Assert.Null(received.Header("Authorization"));
    }

    [Fact]
    public async Task Invoke_DaprAppIdHeaderFromTheCaller_CannotRedirectTheCall()
    {
        var before = gateway.Echo.Received.Count;
        using var client = gateway.Functions.CreateClient(FunctionsCredential.None);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/invoke/default/echo/whoami");
        request.Headers.TryAddWithoutValidation("dapr-app-id", "orders");
        request.Headers.TryAddWithoutValidation("X-API-Key", FunctionsServer.AdminKey);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = gateway.Echo.Received.Skip(before).Single();
        Assert.Equal("/whoami", received.Target);
        Assert.Null(received.Header("X-API-Key"));
        Assert.Equal("periscope-gateway", received.Header("dapr-caller-app-id"));
    }

    [Fact]
    public async Task Invoke_Calls_AreCountedPerOperationOnMetrics()
    {
        using var call = await gateway.Client.GetAsync("api/invoke/default/orders/orders");

        var metrics = await gateway.Client.GetStringAsync("metrics");

        Assert.Contains(metrics.Split('\n'), line => line.StartsWith("periscope_invoke_requests_total{", StringComparison.Ordinal)
            && line.Contains("app_id=\"orders\"", StringComparison.Ordinal)
            && line.Contains("operation=\"default.orders.listOrders\"", StringComparison.Ordinal));
    }
}
