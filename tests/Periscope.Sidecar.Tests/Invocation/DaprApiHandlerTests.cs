using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Periscope.Sidecar.Configuration;
using Periscope.Sidecar.Invocation;
using Periscope.Sidecar.Tests.Fakes;

namespace Periscope.Sidecar.Tests.Invocation;

/// <summary>
/// The Dapr port end to end over loopback: a client, the handler on Kestrel with the real forwarder, a
/// fake catalog, and invoked apps standing in for other pods' sidecars.
/// </summary>
public sealed class DaprApiHandlerTests : IAsyncLifetime
{
    private EndpointsCatalog catalog = null!;
    private EchoApp orders = null!;

    public async Task InitializeAsync()
    {
        catalog = await EndpointsCatalog.StartAsync();
        orders = await EchoApp.StartAsync("orders-0");
        catalog.List("shop", "orders", orders.Url);
    }

    public async Task DisposeAsync()
    {
        await orders.DisposeAsync();
        await catalog.DisposeAsync();
    }

    [Fact]
    public async Task Invoke_GetWithQuery_ForwardsPathAndQueryAndReturnsTheAnswer()
    {
        await using var dapr = await StartAsync();

        using var response = await dapr.Client.GetAsync(new Uri("/v1.0/invoke/orders/method/api/orders/42?status=Pending&q=%2F", UriKind.Relative));
        var echo = await EchoOf(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("orders-0", "GET", "/api/orders/42?status=Pending&q=%2F"), (echo.Name, echo.Method, echo.Target));
    }

    [Fact]
    public async Task Invoke_PostJson_ForwardsBodyAndContentType()
    {
        await using var dapr = await StartAsync();

        using var response = await dapr.Client.PostAsync(
            new Uri("/v1.0/invoke/orders/method/orders", UriKind.Relative),
            new StringContent("""{"sku":"TEA-001","note":"经 Dapr"}""", Encoding.UTF8, "application/json"));
        var echo = await EchoOf(response);

        Assert.Equal(("POST", "/orders"), (echo.Method, echo.Target));
        Assert.Equal("""{"sku":"TEA-001","note":"经 Dapr"}""", echo.Body);
        Assert.Equal("application/json; charset=utf-8", echo.Headers["content-type"]);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    public async Task Invoke_AnyMethod_Forwarded(string method)
    {
        await using var dapr = await StartAsync();

        using var response = await dapr.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/v1.0/invoke/orders/method/orders/7"));

        Assert.Equal(method, (await EchoOf(response)).Method);
    }

    [Fact]
    public async Task Invoke_EscapedMethodPath_EscapingKept()
    {
        await using var dapr = await StartAsync();

        using var response = await dapr.Client.GetAsync(new Uri("/v1.0/invoke/orders/method/files/a%2Fb%20c", UriKind.Relative));

        Assert.Equal("/files/a%2Fb%20c", (await EchoOf(response)).Target);
    }

    [Fact]
    public async Task Invoke_AppDotNamespace_ResolvedInThatNamespace()
    {
        catalog.List("prod", "orders", orders.Url);
        await using var dapr = await StartAsync();

        using var response = await dapr.Client.GetAsync(new Uri("/v1.0/invoke/orders.prod/method/ping", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/api/services/prod/orders/endpoints", Assert.Single(catalog.Requests.Items).Path);
    }

    [Fact]
    public async Task Invoke_AppIdHeader_InvokesThePathOnThatAppWithoutTheHeader()
    {
        await using var dapr = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/checkout/100?x=1");
        request.Headers.Add("dapr-app-id", "orders");

        using var response = await dapr.Client.SendAsync(request);
        var echo = await EchoOf(response);

        Assert.Equal("/checkout/100?x=1", echo.Target);
        Assert.False(echo.Headers.ContainsKey("dapr-app-id"));
    }

    [Fact]
    public async Task Invoke_BasicAuthAppId_InvokesWithoutTheCredentials()
    {
        await using var dapr = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/checkout/100");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("dapr-app-id:orders")));

        using var response = await dapr.Client.SendAsync(request);
        var echo = await EchoOf(response);

        Assert.Equal("/checkout/100", echo.Target);
        Assert.False(echo.Headers.ContainsKey("authorization"));
    }

    [Fact]
    public async Task Invoke_AnyRequest_CallerAndCalleeMarkedAsDaprMarksThem()
    {
        await using var dapr = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1.0/invoke/orders/method/ping");
        request.Headers.Add("dapr-caller-app-id", "admin");
        request.Headers.Add("dapr-api-token", "secret");
        request.Headers.Add("x-custom", "kept");
        request.Headers.Add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        using var response = await dapr.Client.SendAsync(request);
        var headers = (await EchoOf(response)).Headers;

        Assert.Equal("checkout", headers["dapr-caller-app-id"]);
        Assert.Equal("shop", headers["dapr-caller-namespace"]);
        Assert.Equal("orders", headers["dapr-callee-app-id"]);
        Assert.Equal("kept", headers["x-custom"]);
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", headers["traceparent"]);
        Assert.False(headers.ContainsKey("dapr-api-token"));
    }

    [Fact]
    public async Task Invoke_CalleeAnswersAnError_StatusHeadersAndBodyPassThrough()
    {
        await using var teapot = new LoopbackServer(async context =>
        {
            context.Response.StatusCode = 418;
            context.Response.Headers["x-reason"] = "short and stout";
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("I'm a teapot");
        });
        await teapot.StartAsync();
        catalog.List("shop", "teapot", teapot.Url);
        await using var dapr = await StartAsync();

        using var response = await dapr.Client.GetAsync(new Uri("/v1.0/invoke/teapot/method/brew", UriKind.Relative));

        Assert.Equal(418, (int)response.StatusCode);
        Assert.Equal("short and stout", response.Headers.GetValues("x-reason").Single());
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("I'm a teapot", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_UnknownAppId_404NamingAppAndNamespace()
    {
        await using var dapr = await StartAsync();

        using var response = await dapr.Client.GetAsync(new Uri("/v1.0/invoke/nobody.prod/method/ping", UriKind.Relative));
        var (code, message) = await ErrorOf(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ERR_DIRECT_INVOKE", code);
        Assert.Contains("'nobody'", message, StringComparison.Ordinal);
        Assert.Contains("'prod'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_NoEndpoints_503()
    {
        catalog.ListWithoutEndpoints("shop", "idle");
        await using var dapr = await StartAsync();

        using var response = await dapr.Client.GetAsync(new Uri("/v1.0/invoke/idle/method/ping", UriKind.Relative));
        var (code, message) = await ErrorOf(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("ERR_DIRECT_INVOKE", code);
        Assert.Contains("no endpoints", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_CatalogDownNothingCached_503WithTheCause()
    {
        await catalog.Server.StopAsync();
        await using var dapr = await StartAsync();

        using var response = await dapr.Client.GetAsync(new Uri("/v1.0/invoke/orders/method/ping", UriKind.Relative));
        var (code, message) = await ErrorOf(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("ERR_DIRECT_INVOKE", code);
        Assert.Contains("unreachable", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_GetWhileOneEndpointRefuses_RetriedOnTheOther()
    {
        var dead = await RefusingEndpointAsync();
        catalog.List("shop", "orders", dead, orders.Url.Authority);
        await using var dapr = await StartAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await dapr.Client.GetAsync(new Uri("/v1.0/invoke/orders/method/ping", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(2, orders.Methods.Count);
        await dapr.Logs.WaitForAsync(3102);
    }

    [Fact]
    public async Task Invoke_PostWhileOneEndpointRefuses_NotRetried()
    {
        var dead = await RefusingEndpointAsync();
        catalog.List("shop", "orders", dead, orders.Url.Authority);
        await using var dapr = await StartAsync();

        // Round robin sends one of the two to the refusing endpoint, which then leaves the rotation.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await dapr.Client.PostAsync(new Uri("/v1.0/invoke/orders/method/orders", UriKind.Relative), new StringContent("{}"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadGateway], statuses.Order());
        Assert.Equal(1, orders.Methods.Count);
    }

    [Fact]
    public async Task Invoke_EveryEndpointRefuses_502NamingEachTried()
    {
        var first = await RefusingEndpointAsync();
        var second = await RefusingEndpointAsync();
        catalog.List("shop", "orders", first, second);
        await using var dapr = await StartAsync();

        using var response = await dapr.Client.GetAsync(new Uri("/v1.0/invoke/orders/method/ping", UriKind.Relative));
        var (code, message) = await ErrorOf(response);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("ERR_DIRECT_INVOKE", code);
        Assert.Contains(first, message, StringComparison.Ordinal);
        Assert.Contains(second, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_CalleeTooSlow_504()
    {
        await using var slow = new LoopbackServer(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        await slow.StartAsync();
        catalog.List("shop", "slow", slow.Url);
        await using var dapr = await StartAsync(InvocationOptions.For(catalog.Url) with { InvokeTimeout = TimeSpan.FromMilliseconds(300) });

        using var response = await dapr.Client.GetAsync(new Uri("/v1.0/invoke/slow/method/report", UriKind.Relative));
        var (code, message) = await ErrorOf(response);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("ERR_DIRECT_INVOKE", code);
        Assert.Contains("0.3 s", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_RoundRobin_EvenlyAcrossEndpoints()
    {
        await using var second = await EchoApp.StartAsync("orders-1");
        await using var third = await EchoApp.StartAsync("orders-2");
        catalog.List("shop", "orders", orders.Url, second.Url, third.Url);
        await using var dapr = await StartAsync(InvocationOptions.For(catalog.Url) with { ResolutionTtl = TimeSpan.FromMinutes(5) });

        var names = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            using var response = await dapr.Client.GetAsync(new Uri("/v1.0/invoke/orders/method/ping", UriKind.Relative));
            names.Add((await EchoOf(response)).Name);
        }

        Assert.Equal([("orders-0", 10), ("orders-1", 10), ("orders-2", 10)], names.CountBy(n => n).Select(g => (g.Key, g.Value)).Order());
        Assert.Equal(1, catalog.Requests.Count);
    }

    [Fact]
    public async Task Invoke_PowerOfTwoChoices_ReachesEveryEndpoint()
    {
        await using var second = await EchoApp.StartAsync("orders-1");
        catalog.List("shop", "orders", orders.Url, second.Url);
        await using var dapr = await StartAsync(InvocationOptions.For(catalog.Url) with { LoadBalancing = LoadBalancingPolicy.PowerOfTwoChoices });

        var tasks = Enumerable.Range(0, 40).Select(async _ =>
        {
            using var response = await dapr.Client.GetAsync(new Uri("/v1.0/invoke/orders/method/ping", UriKind.Relative));
            return (await EchoOf(response)).Name;
        });
        var names = await Task.WhenAll(tasks);

        Assert.Equal(["orders-0", "orders-1"], names.Distinct().Order());
    }

    [Theory]
    [InlineData("/v1.0/healthz")]
    [InlineData("/v1.0/healthz/outbound")]
    public async Task Healthz_Healthy_204(string path)
    {
        await using var dapr = await StartAsync(configure: services => services.AddSingleton<IAppReadiness>(new FixedReadiness(true)));

        using var response = await dapr.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_AppNotAnswering_500AndOutboundStill204()
    {
        await using var dapr = await StartAsync(configure: services => services.AddSingleton<IAppReadiness>(new FixedReadiness(false)));

        using var healthz = await dapr.Client.GetAsync(new Uri("/v1.0/healthz", UriKind.Relative));
        using var outbound = await dapr.Client.GetAsync(new Uri("/v1.0/healthz/outbound", UriKind.Relative));
        var (code, message) = await ErrorOf(healthz);

        Assert.Equal(HttpStatusCode.InternalServerError, healthz.StatusCode);
        Assert.Equal("ERR_HEALTH_NOT_READY", code);
        Assert.Contains("127.0.0.1:5000", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, outbound.StatusCode);
    }

    [Theory]
    [InlineData("/v1.0/healthz")]
    [InlineData("/v1.0/metadata")]
    public async Task DaprApi_WrongMethod_405WithAllow(string path)
    {
        await using var dapr = await StartAsync();

        using var response = await dapr.Client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(""));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task Metadata_Get_DaprsShapeWithPeriscopeExtension()
    {
        await using var dapr = await StartAsync(configure: services => services.AddSingleton<IMetadataContributor, OperationsContributor>());

        using var response = await dapr.Client.GetAsync(new Uri("/v1.0/metadata", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("checkout", root.GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("runtimeVersion").GetString()));
        foreach (var list in new[] { "components", "actors", "subscriptions", "httpEndpoints", "enabledFeatures" })
        {
            Assert.Equal(0, root.GetProperty(list).GetArrayLength());
        }

        var app = root.GetProperty("appConnectionProperties");
        Assert.Equal((5000, "http", "127.0.0.1"), (app.GetProperty("port").GetInt32(), app.GetProperty("protocol").GetString(), app.GetProperty("channelAddress").GetString()));
        var periscope = root.GetProperty("periscope");
        Assert.Equal("shop", periscope.GetProperty("namespace").GetString());
        Assert.Equal("roundRobin", periscope.GetProperty("loadBalancing").GetString());
        Assert.Equal("GET /legacy", periscope.GetProperty("unusedOperations")[0].GetString());
    }

    [Theory]
    [InlineData("/v1.0/state/statestore/order-1")]
    [InlineData("/v1.0/publish/pubsub/orders")]
    [InlineData("/v1.0-alpha1/lock/lockstore")]
    public async Task DaprApi_Unsupported_501(string path)
    {
        await using var dapr = await StartAsync();

        using var response = await dapr.Client.PostAsync(new Uri(path, UriKind.Relative), new StringContent("{}"));
        var (code, message) = await ErrorOf(response);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal("ERR_API_UNIMPLEMENTED", code);
        Assert.Contains("not supported by Periscope", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1.0/invoke/orders", HttpStatusCode.NotFound)]
    [InlineData("/v1.0/invoke/orders/method/", HttpStatusCode.BadRequest)]
    [InlineData("/v1.0/invoke/a.b.c/method/x", HttpStatusCode.BadRequest)]
    [InlineData("/somewhere", HttpStatusCode.NotFound)]
    public async Task Invoke_Malformed_DaprError(string path, HttpStatusCode status)
    {
        await using var dapr = await StartAsync();

        using var response = await dapr.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("ERR_DIRECT_INVOKE", (await ErrorOf(response)).Code);
        Assert.Equal(0, catalog.Requests.Count);
    }

    private Task<DaprPort> StartAsync(SidecarOptions? options = null, Action<IServiceCollection>? configure = null) =>
        DaprPort.StartAsync(options ?? InvocationOptions.For(catalog.Url), configure);

    /// <summary>An endpoint on 127.0.0.1 that refuses connections.</summary>
    private static async Task<string> RefusingEndpointAsync()
    {
        var server = new LoopbackServer(_ => Task.CompletedTask);
        await server.ReservePortAsync();
        return server.Url.Authority;
    }

    private static async Task<Echo> EchoOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<Echo>(text)!;
    }

    private static async Task<(string? Code, string Message)> ErrorOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("errorCode").GetString(), json.RootElement.GetProperty("message").GetString()!);
    }
}
