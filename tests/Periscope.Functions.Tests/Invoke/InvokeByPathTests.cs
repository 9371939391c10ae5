using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Periscope.Functions.Invoke;
using Periscope.Functions.Tests.Hosting;
using Periscope.Functions.Tests.Invoke.Doubles;

namespace Periscope.Functions.Tests.Invoke;

/// <summary><c>/api/invoke/{namespace}/{appId}/{**path}</c> over real HTTP, to a fake Dapr sidecar on loopback.</summary>
public sealed class InvokeByPathTests : IClassFixture<InvokeHost>
{
    private readonly InvokeHost host;

    public InvokeByPathTests(InvokeHost host)
    {
        this.host = host;
        host.Sidecar.Reset();
        host.Recorder.Clear();
        host.Recorder.CaptureLimit = 0;
    }

    [Fact]
    public async Task Invoke_GetWithEscapedPathAndQuery_SendsThemToDaprUnchanged()
    {
        using var response = await host.Client.GetAsync("/api/invoke/default/shop/items/a%20b%3Fc?fields=x&fields=y%2Az");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(host.Sidecar.Received);
        Assert.Equal("GET", received.Method);
        Assert.Equal("/v1.0/invoke/shop.default/method/items/a%20b%3Fc?fields=x&fields=y%2Az", received.RawTarget);
        Assert.Equal("yes", response.Headers.GetValues("X-Echo").Single());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Invoke_MethodWithBody_SendsMethodBodyAndContentType(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/invoke/default/shop/items/7")
        {
            Content = new StringContent("""{"name":"茶"}""", Encoding.UTF8, "application/json"),
        };

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(host.Sidecar.Received);
        Assert.Equal(method, received.Method);
        Assert.Equal("""{"name":"茶"}""", received.BodyText);
        Assert.Equal("application/json; charset=utf-8", received.Header("Content-Type"));
        Assert.Equal(Encoding.UTF8.GetByteCount("""{"name":"茶"}""").ToString(System.Globalization.CultureInfo.InvariantCulture), received.Header("Content-Length"));
    }

    [Fact]
    public async Task Invoke_CallersHeaders_ArriveWithoutCredentialsHopByHopOrDaprHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/invoke/default/shop/items/1");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer periscope-key");
        request.Headers.TryAddWithoutValidation("X-API-Key", "periscope-key");
        request.Headers.TryAddWithoutValidation("Connection", "X-Per-Hop");
        request.Headers.TryAddWithoutValidation("X-Per-Hop", "1");
        request.Headers.TryAddWithoutValidation("dapr-app-id", "secrets-app");
        request.Headers.TryAddWithoutValidation("dapr-api-token", "forged");
        request.Headers.TryAddWithoutValidation("X-Tenant", "acme");
        request.Headers.TryAddWithoutValidation("Cookie", "session=1");

        using var response = await host.Client.SendAsync(request);

        var received = Assert.Single(host.Sidecar.Received);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("acme", received.Header("X-Tenant"));
        Assert.Equal("session=1", received.Header("Cookie"));
        Assert.Equal("gateway-dapr-token", received.Header("dapr-api-token"));
        Assert.Equal(host.Sidecar.Endpoint.Authority, received.Header("Host"));
        Assert.Null(received.Header("Authorization"));
        Assert.Null(received.Header("X-API-Key"));
        Assert.Null(received.Header("X-Per-Hop"));
        Assert.Null(received.Header("dapr-app-id"));
    }

    [Fact]
    public async Task Invoke_Traceparent_IsPassedThroughAndRecorded()
    {
        const string Parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/invoke/default/shop/items/1");
        request.Headers.TryAddWithoutValidation("traceparent", Parent);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(Parent, Assert.Single(host.Sidecar.Received).Header("traceparent"));
        await Eventually.TrueAsync(() => host.Recorder.Records.Count == 1, "the call to be recorded");
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", Assert.Single(host.Recorder.Records).TraceId);
    }

    [Fact]
    public async Task Invoke_NoTraceparent_SendsANewOne()
    {
        using var response = await host.Client.GetAsync("/api/invoke/default/shop/items/1");

        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", Assert.Single(host.Sidecar.Received).Header("traceparent"));
    }

    [Theory]
    [InlineData(500, """{"error":"boom","errorCode":"E1"}""")]
    [InlineData(404, """{"errorCode":"ERR_NOT_MINE","message":"order 7 does not exist","id":7}""")]
    [InlineData(503, "maintenance")]
    [InlineData(201, """{"id":7}""")]
    public async Task Invoke_AppsOwnAnswer_PassesThroughUntouched(int status, string body)
    {
        host.Sidecar.Answer = async (context, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = body.StartsWith('{') ? "application/json" : "text/plain";
            context.Response.Headers["X-App"] = "shop";
            await context.Response.WriteAsync(body);
        };

        using var response = await host.Client.GetAsync("/api/invoke/default/shop/items/7");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
        Assert.Equal("shop", response.Headers.GetValues("X-App").Single());
    }

    [Theory]
    [InlineData(404, HttpStatusCode.ServiceUnavailable)]
    [InlineData(503, HttpStatusCode.ServiceUnavailable)]
    [InlineData(504, HttpStatusCode.GatewayTimeout)]
    [InlineData(500, HttpStatusCode.BadGateway)]
    [InlineData(502, HttpStatusCode.BadGateway)]
    public async Task Invoke_SidecarsOwnError_BecomesAProblemWithDaprsMessage(int daprStatus, HttpStatusCode expected)
    {
        host.Sidecar.Answer = FakeSidecar.DaprError(daprStatus, "ERR_DIRECT_INVOKE", "fail to invoke, id: shop.default, err: no endpoints");

        using var response = await host.Client.GetAsync("/api/invoke/default/shop/items/7");

        var problem = await ProblemJson.ReadAsync(response, expected);
        Assert.Contains("no endpoints", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("ERR_DIRECT_INVOKE", problem.GetProperty("daprErrorCode").GetString());
    }

    [Fact]
    public async Task Invoke_UnknownService_Answers404AndCallsNothing()
    {
        using var response = await host.Client.GetAsync("/api/invoke/default/no-such-app/items/1");

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("no-such-app", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Sidecar.Received);
    }

    [Fact]
    public async Task Invoke_OutsideTheKeysScopes_Answers403NamingThemAndCallsNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/invoke/default/shop/items/1");
        request.Headers.Add(InvokeHost.ScopesHeader, "billing/*,default/orders");

        using var response = await host.Client.SendAsync(request);

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("'billing/*', 'default/orders'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Sidecar.Received);
    }

    [Fact]
    public async Task Invoke_WithinTheKeysScopes_Forwards()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/invoke/default/shop/items/1");
        request.Headers.Add(InvokeHost.ScopesHeader, "default/shop");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/invoke/default/shop/../../v1.0/state/statestore")]
    [InlineData("/api/invoke/default/shop/x/../../../../v1.0/state/statestore")]
    [InlineData("/API/Invoke/default/shop/%2e%2e/%2e%2e/%2e%2e/v1.0/metadata")]
    [InlineData("/api/invoke/default/shop/items/../../../v1.0/secrets/vault/db")]
    [InlineData("/api/invoke/default/shop/%2e%2e/%2e%2e/v1.0/state/statestore")]
    [InlineData("/api/invoke/default/shop/items/..%2F..%2F..%2Fv1.0%2Fstate%2Fstatestore")]
    [InlineData("/api/invoke/default/shop/items%2F..%2F..%2Fother")]
    [InlineData("/api/invoke/default/shop/items%5C..%5C..%5Cother")]
    [InlineData("/api/invoke/default/shop/items/%252e%252e/%252e%252e/v1.0")]
    [InlineData("/api/invoke/default/shop//evil.example/x")]
    [InlineData("/api/invoke/default/shop/http://evil.example/x")]
    [InlineData("/api/invoke/default/shop/items/%00")]
    [InlineData("/api/invoke/default/shop/items/%0d%0aHost:%20evil.example")]
    [InlineData("/api/invoke/default/shop/.")]
    [InlineData("/api/invoke/default/evil.example.com/items")]
    [InlineData("/api/invoke/default/shop.other/items")]
    [InlineData("/api/invoke/default/127.0.0.1:6379/x")]
    [InlineData("http://evil.example/api/invoke/default/shop/items/1")]
    [InlineData("http://127.0.0.1:6379/api/invoke/default/shop/items/1")]
    public async Task Invoke_PathAttack_IsRefusedAndReachesNothing(string target)
    {
        var (status, response) = await RawHttp.SendAsync(host.Client.BaseAddress!, "GET", target);

        Assert.True(status == 400, $"{target} answered {status}:\n{response}");
        Assert.Empty(host.Sidecar.Received);
    }

    [Fact]
    public async Task Invoke_EmptyAppPath_Answers400()
    {
        using var response = await host.Client.GetAsync("/api/invoke/default/shop/");

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("name a path", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_DeclaredBodyOverTheLimit_Answers413BeforeCalling()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/invoke/default/shop/items")
        {
            Content = new ByteArrayContent(new byte[(10 * 1024 * 1024) + 1]),
        };

        using var response = await host.Client.SendAsync(request);

        await ProblemJson.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(host.Sidecar.Received);
    }

    [Fact]
    public async Task Invoke_MatchedOperation_IsRecordedWithItsKeyAndTemplate()
    {
        host.Recorder.CaptureLimit = 4;
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/invoke/default/shop/items/42?x=1") { Content = new StringContent("abcdefgh") };
        request.Headers.TryAddWithoutValidation("X-Tenant", "acme");

        using var response = await host.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        await Eventually.TrueAsync(() => host.Recorder.Records.Count == 1, "the call to be recorded");
        var record = Assert.Single(host.Recorder.Records);
        Assert.Equal(InvokeHost.KeyId, record.KeyId);
        Assert.Equal(("default", "shop"), (record.Namespace, record.AppId));
        Assert.Equal("default.shop.replaceItem", record.OperationKey);
        Assert.Equal("/items/{id}", record.PathTemplate);
        Assert.Equal(("PUT", 200), (record.Method, record.Status));
        Assert.Equal(8, record.RequestBytes);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), record.ResponseBytes);
        Assert.Null(record.Error);
        Assert.Equal("abcd", Encoding.UTF8.GetString(record.RequestBody!.Value.Span));
        Assert.Equal(body[..4], Encoding.UTF8.GetString(record.ResponseBody!.Value.Span));
        Assert.True(record.BodiesTruncated);
        Assert.Contains(record.RequestHeaders!, header => header.Key == "X-Tenant" && header.Value == "acme");
    }

    [Fact]
    public async Task Invoke_UndocumentedPath_IsRecordedUnmatchedWithItsPath()
    {
        using var response = await host.Client.GetAsync("/api/invoke/default/shop/not/documented?x=1");

        await Eventually.TrueAsync(() => host.Recorder.Records.Count == 1, "the call to be recorded");
        var record = Assert.Single(host.Recorder.Records);
        Assert.Null(record.OperationKey);
        Assert.Equal("/not/documented", record.PathTemplate);
        Assert.Null(record.RequestBody);
    }

    [Fact]
    public async Task Invoke_Call_IsCountedInTheMetricsByOperation()
    {
        using var call = await host.Client.GetAsync("/api/invoke/default/shop/items/special");
        using var undocumented = await host.Client.GetAsync("/api/invoke/default/shop/elsewhere/1");

        var metrics = await host.Client.GetStringAsync("/metrics");

        var lines = metrics.Split('\n');
        Assert.Contains(lines, line => line.StartsWith("periscope_invoke_requests_total{", StringComparison.Ordinal)
            && line.Contains("operation=\"default.shop.getSpecial\"", StringComparison.Ordinal)
            && line.Contains("method=\"GET\"", StringComparison.Ordinal)
            && line.Contains("status_class=\"2xx\"", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("periscope_invoke_requests_total{", StringComparison.Ordinal)
            && line.Contains("operation=\"unmatched\"", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("periscope_invoke_duration_seconds_bucket{", StringComparison.Ordinal)
            && line.Contains("app_id=\"shop\"", StringComparison.Ordinal));
        Assert.DoesNotContain("/elsewhere/1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_LargeResponse_StreamsItWhole()
    {
        var payload = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(payload);
        host.Sidecar.Answer = async (context, _) =>
        {
            context.Response.ContentType = "application/octet-stream";
            for (var offset = 0; offset < payload.Length; offset += 100_000)
            {
                await context.Response.Body.WriteAsync(payload.AsMemory(offset, Math.Min(100_000, payload.Length - offset)));
            }
        };

        using var response = await host.Client.GetAsync("/api/invoke/default/shop/download");

        Assert.Equal(payload, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Invoke_HeadOrOptions_IsNotAnInvokeRoute()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/invoke/default/shop/items/1");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Empty(host.Sidecar.Received);
    }

    [Fact]
    public async Task Invoke_EchoedTarget_UsesTheConfiguredEndpointOnly()
    {
        using var response = await host.Client.GetAsync("/api/invoke/default/shop/items/1");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("/v1.0/invoke/shop.default/method/items/1", document.RootElement.GetProperty("target").GetString());
    }
}
