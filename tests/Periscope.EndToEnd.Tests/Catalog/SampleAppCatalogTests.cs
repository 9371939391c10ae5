using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Periscope.EndToEnd.Tests.Infrastructure;

namespace Periscope.EndToEnd.Tests.Catalog;

/// <summary>The sample app's document, found and reported by a real sidecar, in every form the catalog serves.</summary>
public sealed class SampleAppCatalogTests(SampleAppFixture stack) : IClassFixture<SampleAppFixture>
{
    private HttpClient Client => stack.Client;

    [Fact]
    public async Task ListOperations_SampleApp_ListsEveryEndpointOfTheApp()
    {
        var operations = await Client.GetJsonAsync("api/services/default/orders/operations");

        var byId = operations["items"]!.AsArray().ToDictionary(item => (string)item!["operationId"]!);
        Assert.Equal(["cancelOrder", "createOrder", "getOrder", "listOrders", "setOrderStatus"], byId.Keys.Order());
        Assert.Equal("POST", (string?)byId["createOrder"]!["method"]);
        Assert.Equal("/orders/{id}", (string?)byId["getOrder"]!["path"]);
        Assert.Equal("default.orders.getOrder", (string?)byId["getOrder"]!["operationKey"]);
        Assert.All(byId.Values, item => Assert.True((bool)item!["documented"]!));
        Assert.Equal(["admin", "orders"], byId["cancelOrder"]!["tags"]!.AsArray().Select(tag => (string)tag!).Order());
    }

    [Fact]
    public async Task GetService_SampleApp_ShowsHealthyEndpointAndParsedDocument()
    {
        var detail = await Client.GetJsonAsync("api/services/default/orders");

        var endpoint = detail["endpoints"]!.AsArray().Single()!;
        Assert.Equal("healthy", (string?)endpoint["health"]);
        Assert.Equal("app", (string?)endpoint["container"]);
        Assert.Equal("app", (string?)detail["containers"]![0]!["name"]);
        Assert.Equal("parsed", (string?)detail["document"]!["status"]);
        Assert.Equal(1, (long)detail["document"]!["version"]!);
        Assert.Equal("/openapi/v1.json", (string?)detail["document"]!["sourcePath"]);
        Assert.Equal("Orders API", (string?)detail["service"]!["title"]);
    }

    [Fact]
    public async Task GetOperation_CreateOrder_GivesRequestBodySchemaWithRequiredFields()
    {
        var view = await Client.GetJsonAsync("api/operations/default.orders.createOrder");

        Assert.Equal("POST", (string?)view["method"]);
        Assert.Equal("orders", (string?)view["appId"]);
        var schema = view["requestBody"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        var required = schema["required"]!.AsArray().Select(name => (string)name!).ToList();
        Assert.Contains("customerEmail", required);
        Assert.Contains("items", required);
        Assert.DoesNotContain("note", required); // optional in the app, so optional in its document
        var lineItem = schema["properties"]!["items"]!["items"]!;
        Assert.Contains("sku", lineItem["required"]!.AsArray().Select(name => (string)name!));
        Assert.DoesNotContain("\"$ref\"", view.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOperation_GetOrder_GivesPathParameterSchema()
    {
        var view = await Client.GetJsonAsync("api/operations/default.orders.getOrder");

        var path = view["parameters"]!["path"]!;
        Assert.Equal(["id"], path["required"]!.AsArray().Select(name => (string)name!));
        Assert.Equal("uuid", (string?)path["properties"]!["id"]!["format"]);
        Assert.NotNull(view["responses"]!["200"]);
    }

    [Fact]
    public async Task GetOpenApi_Json_IsOpenApi31()
    {
        var document = await Client.GetJsonAsync("api/services/default/orders/openapi");

        Assert.StartsWith("3.1", (string?)document["openapi"], StringComparison.Ordinal);
        Assert.NotNull(document["paths"]!["/orders/{id}"]);
    }

    [Fact]
    public async Task GetOpenApi_AcceptYaml_AnswersYaml()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/services/default/orders/openapi");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/yaml"));
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches("(?m)^openapi: \"?3\\.1", body);
        Assert.Contains("/orders/{id}:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOpenApi_IfNoneMatchCurrentETag_Answers304()
    {
        using var first = await Client.GetAsync("api/services/default/orders/openapi");
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/services/default/orders/openapi");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Search_ChineseSummaryTwoCharacters_FindsOperation()
    {
        var results = await Client.GetJsonAsync("api/search?q=" + Uri.EscapeDataString("订单"));

        var hit = Assert.Single(results["items"]!.AsArray());
        Assert.Equal("default.orders.getOrder", (string?)hit!["operationKey"]);
    }

    [Fact]
    public async Task Search_PathAndMethodTerms_FindsMatchingOperationsOnly()
    {
        var results = await Client.GetJsonAsync("api/search?q=status%20PUT");

        var hit = Assert.Single(results["items"]!.AsArray());
        Assert.Equal("setOrderStatus", (string?)hit!["operationId"]);
    }

    [Fact]
    public async Task Search_AppId_FindsTheServiceItself()
    {
        var results = await Client.GetJsonAsync("api/search?q=orders");

        Assert.Contains(results["items"]!.AsArray(), hit => (string?)hit!["kind"] == "service" && (string?)hit["appId"] == "orders");
    }
}
