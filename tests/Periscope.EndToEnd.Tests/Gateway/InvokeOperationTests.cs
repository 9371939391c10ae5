using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Periscope.EndToEnd.Tests.Infrastructure;

namespace Periscope.EndToEnd.Tests.Gateway;

/// <summary><c>POST /api/operations/{operationKey}/invoke</c> through real sidecars to real apps.</summary>
[Collection(SharedGateway.Name)]
public sealed class InvokeOperationTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Invoke_CreateOrderThenGetIt_ByOperationKeys()
    {
        using var created = await InvokeAsync("default.orders.createOrder", """
            {"body":{"customerEmail":"han.meimei@example.com","items":[{"sku":"RICE-5KG","quantity":1,"unitPrice":59.9}],"note":"放在门口"}}
            """);
        var order = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{created.StatusCode}: {order}\n{gateway.Logs}");

        using var fetched = await InvokeAsync("default.orders.getOrder", "{\"path\":{\"id\":\"" + (string?)order["id"] + "\"}}");

        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("han.meimei@example.com", (string?)JsonNode.Parse(await fetched.Content.ReadAsStringAsync())!["customerEmail"]);
    }

    [Fact]
    public async Task Invoke_ValidInput_ReachesTheAppAsTheOperationDescribes()
    {
        var before = gateway.Echo.Received.Count;

        using var response = await InvokeAsync("default.echo.getItem", """{"path":{"id":"item-7"},"query":{"fields":["a","b c"],"limit":5},"headers":{"X-Tenant":"globex"}}""");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{gateway.Logs}");
        var received = gateway.Echo.Received.Skip(before).Single();
        Assert.Equal(("GET", "/items/item-7?fields=a&fields=b%20c&limit=5"), (received.Method, received.Target));
        Assert.Equal("globex", received.Header("X-Tenant"));
    }

    [Theory]
    [InlineData("default.echo.getItem", "{}", "headers.X-Tenant,path.id")]
    [InlineData("default.echo.getItem", """{"path":{"id":"UPPER"},"headers":{"X-Tenant":"initech"}}""", "headers.X-Tenant,path.id")]
    [InlineData("default.echo.getItem", """{"path":{"id":"a"},"query":{"limit":1000,"fields":[1]},"headers":{"X-Tenant":"acme"}}""", "query.fields/0,query.limit")]
    [InlineData("default.echo.getItem", """{"path":{"id":"a"},"query":{"sort":"x"},"headers":{"X-Tenant":"acme"}}""", "query.sort")]
    [InlineData("default.echo.createItem", "{}", "body")]
    [InlineData("default.echo.createItem", """{"body":{"name":"","quantity":0,"tags":["ok",3]}}""", "body/name,body/quantity,body/tags/1")]
    [InlineData("default.echo.createItem", """{"body":"not an object"}""", "body")]
    public async Task Invoke_SchemaFailure_Answers400ListingFieldsAndNothingReachesTheApp(string key, string input, string fields)
    {
        var before = gateway.Echo.Received.Count;

        using var response = await InvokeAsync(key, input);

        var problem = await response.ReadProblemAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(fields.Split(','), problem["errors"]!.AsObject().Select(error => error.Key));
        Assert.Equal(before, gateway.Echo.Received.Count);
    }

    [Fact]
    public async Task Invoke_UnknownOperation_Answers404()
    {
        using var response = await InvokeAsync("default.echo.noSuchThing", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.ReadProblemAsync();
    }

    private async Task<HttpResponseMessage> InvokeAsync(string key, string input) =>
        await gateway.Client.PostAsync($"api/operations/{key}/invoke", new StringContent(input, Encoding.UTF8, "application/json"));
}
