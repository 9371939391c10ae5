using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Invoke;

/// <summary><c>POST /api/operations/{operationKey}/invoke</c> over real HTTP, to a fake Dapr sidecar on loopback.</summary>
public sealed class InvokeOperationTests : IClassFixture<InvokeHost>
{
    private readonly InvokeHost host;

    public InvokeOperationTests(InvokeHost host)
    {
        this.host = host;
        host.Sidecar.Reset();
        host.Recorder.Clear();
    }

    [Fact]
    public async Task Invoke_ValidParameters_ExpandsTheTemplateQueryAndHeaders()
    {
        using var response = await InvokeAsync("default.shop.getItem", """
            {"path":{"id":"a/b 1"},"query":{"fields":["name","tags list"]},"headers":{"x-tenant":"acme"}}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(host.Sidecar.Received);
        Assert.Equal("GET", received.Method);
        Assert.Equal("/v1.0/invoke/shop.default/method/items/a%2Fb%201?fields=name&fields=tags%20list", received.RawTarget);
        Assert.Equal("acme", received.Header("X-Tenant"));
        Assert.Empty(received.Body);
        await Eventually.TrueAsync(() => host.Recorder.Records.Count == 1, "the call to be recorded");
        var record = Assert.Single(host.Recorder.Records);
        Assert.Equal(("default.shop.getItem", "/items/{id}", "GET", 200), (record.OperationKey, record.PathTemplate, record.Method, record.Status));
    }

    [Fact]
    public async Task Invoke_JsonBody_IsSentAsGivenWithTheOperationsMediaType()
    {
        using var response = await InvokeAsync("default.shop.createItem", """{"body":{"name":"茶","quantity":2,"tags":["green"]}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(host.Sidecar.Received);
        Assert.Equal(("POST", "/v1.0/invoke/shop.default/method/items"), (received.Method, received.RawTarget));
        Assert.Equal("application/json", received.Header("Content-Type"));
        Assert.Equal("""{"name":"茶","quantity":2,"tags":["green"]}""", received.BodyText);
    }

    [Fact]
    public async Task Invoke_OtherJsonMediaType_LabelsTheBodyWithIt()
    {
        using var response = await InvokeAsync("default.shop.patchItem", """{"path":{"id":"7"},"body":{"quantity":3}}""");

        var received = Assert.Single(host.Sidecar.Received);
        Assert.Equal(("PATCH", "/v1.0/invoke/shop.default/method/items/7"), (received.Method, received.RawTarget));
        Assert.Equal("application/merge-patch+json", received.Header("Content-Type"));
    }

    [Fact]
    public async Task Invoke_QueryParameters_FollowTheDeclaredOrderAndFormStyle()
    {
        using var response = await InvokeAsync("default.shop.search", """{"query":{"tag":["a","b&c"],"limit":5,"q":"绿茶"}}""");

        Assert.Equal("/v1.0/invoke/shop.default/method/search?q=%E7%BB%BF%E8%8C%B6&limit=5&tag=a&tag=b%26c", Assert.Single(host.Sidecar.Received).RawTarget);
    }

    [Fact]
    public async Task Invoke_TemplateWithLiteralText_ExpandsEachVariable()
    {
        using var response = await InvokeAsync("default.shop.getFile", """{"path":{"name":"report","ext":"pdf"}}""");

        Assert.Equal("/v1.0/invoke/shop.default/method/files/report.pdf", Assert.Single(host.Sidecar.Received).RawTarget);
    }

    [Fact]
    public async Task Invoke_CallersAcceptAndTrace_ArePassedOn()
    {
        using var request = Request("default.shop.getSpecial", "{}");
        request.Headers.TryAddWithoutValidation("Accept", "application/xml");
        request.Headers.TryAddWithoutValidation("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        request.Headers.TryAddWithoutValidation("X-Not-Declared", "dropped");

        using var response = await host.Client.SendAsync(request);

        var received = Assert.Single(host.Sidecar.Received);
        Assert.Equal("application/xml", received.Header("Accept"));
        Assert.Equal("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", received.Header("traceparent"));
        Assert.Null(received.Header("X-Not-Declared"));
        Assert.Null(received.Header("Authorization"));
    }

    [Theory]
    [InlineData("default.shop.getItem", "{}", "headers.X-Tenant,path.id")]
    [InlineData("default.shop.getItem", """{"path":{"id":"1"},"headers":{"X-Tenant":"a"}}""", "headers.X-Tenant")]
    [InlineData("default.shop.getItem", """{"path":{"id":"1"},"headers":{"X-Tenant":"acme","X-Other":"1"}}""", "headers.X-Other")]
    [InlineData("default.shop.getItem", """{"path":{"id":"1"},"query":{"fields":"notarray"},"headers":{"X-Tenant":"acme"}}""", "query.fields")]
    [InlineData("default.shop.getItem", """{"path":{"id":"1"},"headers":{"X-Tenant":"acme"},"body":{}}""", "body")]
    [InlineData("default.shop.search", """{"query":{"q":"x","limit":"ten"}}""", "query.limit")]
    [InlineData("default.shop.search", """{"query":{"q":"x","limit":500,"sort":"name"}}""", "query.limit,query.sort")]
    [InlineData("default.shop.search", """{"query":{}}""", "query.q")]
    [InlineData("default.shop.createItem", "{}", "body")]
    [InlineData("default.shop.createItem", """{"body":{"quantity":0}}""", "body/name,body/quantity")]
    [InlineData("default.shop.createItem", """{"body":{"name":"x","tags":["ok",7]}}""", "body/tags/1")]
    [InlineData("default.shop.createItem", """{"body":[]}""", "body")]
    [InlineData("default.shop.upload", """{"body":"text"}""", "body")]
    [InlineData("default.shop.getSpecial", """{"path":[],"extra":1}""", "extra,path")]
    [InlineData("default.shop.getItem", """{"path":{"id":".."},"headers":{"X-Tenant":"acme"}}""", "path.id")]
    [InlineData("default.shop.getItem", """{"path":{"id":"a/../../v1.0"},"headers":{"X-Tenant":"acme"}}""", "path.id")]
    [InlineData("default.shop.getItem", """{"path":{"id":""},"headers":{"X-Tenant":"acme"}}""", "path.id")]
    [InlineData("default.shop.getItem", """{"path":{"id":"1"},"headers":{"X-Tenant":"acme\r\nHost: evil"}}""", "headers.X-Tenant")]
    [InlineData("default.shop.getFile", """{"path":{"name":".","ext":"."}}""", "path.ext,path.name")]
    public async Task Invoke_InvalidInput_Answers400ListingEachFieldAndSendsNothing(string key, string input, string fields)
    {
        using var response = await InvokeAsync(key, input);

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).ToList();
        Assert.Equal(fields.Split(','), errors);
        Assert.All(problem.GetProperty("errors").EnumerateObject(), error => Assert.NotEmpty(error.Value.EnumerateArray().First().GetString()!));
        Assert.Empty(host.Sidecar.Received);
    }

    [Fact]
    public async Task Invoke_UnknownOperation_Answers404()
    {
        using var response = await InvokeAsync("default.shop.noSuchOperation", "{}");

        await ProblemJson.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Empty(host.Sidecar.Received);
    }

    [Fact]
    public async Task Invoke_MalformedKey_Answers400()
    {
        using var response = await InvokeAsync("not-a-key", "{}");

        await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Invoke_OutsideTheKeysScopes_Answers403BeforeLookingItUp()
    {
        using var request = Request("default.shop.getSpecial", "{}");
        request.Headers.Add(InvokeHost.ScopesHeader, "billing");

        using var response = await host.Client.SendAsync(request);

        await ProblemJson.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Empty(host.Sidecar.Received);
    }

    [Fact]
    public async Task Invoke_NotJson_Answers415()
    {
        using var response = await host.Client.PostAsync("/api/operations/default.shop.getSpecial/invoke", new StringContent("{}", Encoding.UTF8, "text/plain"));

        await ProblemJson.ReadAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Invoke_MalformedJson_Answers400()
    {
        using var response = await InvokeAsync("default.shop.getSpecial", "{\"path\":");

        await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Invoke_InputOverTheBodyLimit_Answers413AndSendsNothing(bool chunked)
    {
        await GatewayForwarderTests.WithHostAsync(["--Invoke:MaxRequestBodyBytes=1024"], null, async limited =>
        {
            using var request = Request("default.shop.createItem", $$$"""{"body":{"name":"{{{new string('x', 2000)}}}","quantity":1}}""");
            request.Headers.TransferEncodingChunked = chunked;

            using var response = await limited.Client.SendAsync(request);

            await ProblemJson.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
            Assert.Empty(limited.Sidecar.Received);
        });
    }

    [Fact]
    public async Task Invoke_ServerPrefix_IsPutInFrontOfThePath()
    {
        await host.ReportAsync("prefixed", """
            {"openapi":"3.0.3","info":{"title":"p","version":"1"},"servers":[{"url":"https://example.com/api/v2"}],
             "paths":{"/ping":{"get":{"operationId":"ping","responses":{"200":{"description":"ok"}}}}}}
            """);

        using var response = await InvokeAsync("default.prefixed.ping", "{}");

        Assert.Equal("/v1.0/invoke/prefixed.default/method/api/v2/ping", Assert.Single(host.Sidecar.Received).RawTarget);
    }

    private static HttpRequestMessage Request(string key, string input) =>
        new(HttpMethod.Post, $"/api/operations/{key}/invoke") { Content = new StringContent(input, Encoding.UTF8, "application/json") };

    private async Task<HttpResponseMessage> InvokeAsync(string key, string input)
    {
        using var request = Request(key, input);
        return await host.Client.SendAsync(request);
    }
}
