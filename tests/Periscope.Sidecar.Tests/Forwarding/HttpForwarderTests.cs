using System.Diagnostics;
using System.Net;
using System.Text;
using Periscope.Sidecar.Forwarding;

namespace Periscope.Sidecar.Tests.Forwarding;

/// <summary>What reaches the destination and what comes back: method, target, headers, bodies.</summary>
public sealed partial class HttpForwarderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ForwardAsync_Request_DestinationGetsMethodTargetHeadersAndBody()
    {
        await using var rig = await ForwardingRig.StartAsync(EchoedRequest.EchoAsync);
        const string body = """{"item":"伞","count":2}""";
        var length = Encoding.UTF8.GetByteCount(body);

        var response = await RawHttp.SendAsync(rig.FrontPort, $"""
            POST /orders/42/%2E%2E/a%2Fb?x=1&y=%20z&x=2 HTTP/1.1
            Host: sidecar.example:3501
            Content-Type: application/json; charset=utf-8
            Content-Language: zh-CN
            Content-Length: {length}
            X-Multi: a
            X-Multi: b
            Cookie: a=1
            Cookie: b=2
            Authorization: Bearer app-token
            Connection: close

            """, body);

        Assert.Equal(200, response.Status);
        var echoed = EchoedRequest.Parse(response.Body);
        Assert.Equal("POST", echoed.Method);
        Assert.Equal("/orders/42/%2E%2E/a%2Fb?x=1&y=%20z&x=2", echoed.Target);
        Assert.Equal(body, echoed.Body);
        Assert.Equal("application/json; charset=utf-8", echoed.Header("Content-Type"));
        Assert.Equal("zh-CN", echoed.Header("Content-Language"));
        Assert.Equal($"{length}", echoed.Header("Content-Length"));
        Assert.Null(echoed.Header("Transfer-Encoding"));
        Assert.Equal("a, b", echoed.Header("X-Multi"));
        Assert.Equal("a=1; b=2", echoed.Header("Cookie"));
        Assert.Equal("Bearer app-token", echoed.Header("Authorization"));
        Assert.Equal(rig.UpstreamUrl.Authority, echoed.Header("Host"));

        var outcome = await rig.OutcomeAsync();
        Assert.Equal(new ForwardOutcome(200, ForwardError.None, length, Encoding.UTF8.GetByteCount(response.Body)), outcome);
    }

    [Fact]
    public async Task ForwardAsync_HopByHopRequestHeaders_AreDropped()
    {
        await using var rig = await ForwardingRig.StartAsync(EchoedRequest.EchoAsync);

        var response = await RawHttp.SendAsync(rig.FrontPort, """
            GET /hops HTTP/1.1
            Host: sidecar.example
            Connection: X-Hop-One
            Connection: x-hop-two, keep-alive
            Connection: close
            X-Hop-One: 1
            X-Hop-Two: 2
            Keep-Alive: timeout=5
            Proxy-Connection: keep-alive
            Proxy-Authorization: Basic c2lkZWNhcjpzZWNyZXQ=
            TE: trailers
            Upgrade: example/1
            X-End-To-End: kept

            """);

        var echoed = EchoedRequest.Parse(response.Body);
        Assert.All(
            ["X-Hop-One", "X-Hop-Two", "Keep-Alive", "Proxy-Connection", "Proxy-Authorization", "TE", "Upgrade", "Transfer-Encoding"],
            name => Assert.Null(echoed.Header(name)));
        Assert.DoesNotContain("hop", echoed.Header("Connection") ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal("kept", echoed.Header("X-End-To-End"));
    }

    [Fact]
    public async Task ForwardAsync_HopByHopResponseHeaders_AreDroppedAndTheRestCopied()
    {
        await using var rig = await ForwardingRig.StartAsync(async context =>
        {
            var headers = context.Response.Headers;
            headers.Connection = "X-Hop-Back";
            headers["X-Hop-Back"] = "1";
            headers.KeepAlive = "timeout=5";
            headers.ProxyAuthenticate = "Basic realm=\"app\"";
            headers.Upgrade = "example/1";
            headers.AltSvc = "h3=\":8443\"";
            headers.SetCookie = new(["a=1; Path=/", "b=2; Path=/"]);
            headers.ETag = "\"v7\"";
            headers.ContentLanguage = "zh-CN";
            headers.LastModified = "Sun, 22 Nov 2026 08:00:00 GMT";
            headers["X-End-To-End"] = "kept";
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("made", context.RequestAborted);
        });

        var response = await RawHttp.SendAsync(rig.FrontPort, """
            GET /back HTTP/1.1
            Host: sidecar.example
            Connection: close

            """);

        Assert.Equal(201, response.Status);
        Assert.All(["X-Hop-Back", "Keep-Alive", "Proxy-Authenticate", "Upgrade", "Alt-Svc"], name => Assert.Empty(response.Values(name)));
        Assert.DoesNotContain(response.Values("Connection"), value => value.Contains("hop", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["a=1; Path=/", "b=2; Path=/"], response.Values("Set-Cookie"));
        Assert.Equal(["\"v7\""], response.Values("ETag"));
        Assert.Equal(["zh-CN"], response.Values("Content-Language"));
        Assert.Equal(["Sun, 22 Nov 2026 08:00:00 GMT"], response.Values("Last-Modified"));
        Assert.Equal(["text/plain"], response.Values("Content-Type"));
        Assert.Equal(["kept"], response.Values("X-End-To-End"));
    }

    [Theory]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7")]
    [InlineData(null, null)]
    public async Task ForwardAsync_TraceContext_PassesThroughAsReceived(string? traceparent, string? tracestate)
    {
        // With a listener, ASP.NET Core and HttpClient create activities, and the default propagator
        // would send this hop's span where the client sent no trace context.
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        await using var rig = await ForwardingRig.StartAsync(EchoedRequest.EchoAsync);
        using var request = new HttpRequestMessage(HttpMethod.Get, rig.Front("/traced"));
        if (traceparent is not null)
        {
            request.Headers.TryAddWithoutValidation("traceparent", traceparent);
            request.Headers.TryAddWithoutValidation("tracestate", tracestate);
        }

        using var response = await rig.Client.SendAsync(request);

        var echoed = EchoedRequest.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(traceparent, echoed.Header("traceparent"));
        Assert.Equal(tracestate, echoed.Header("tracestate"));
    }

    [Theory]
    [InlineData("GET", null, null)]
    [InlineData("DELETE", null, null)]
    [InlineData("POST", "", "0")]
    [InlineData("PUT", "", "0")]
    [InlineData("PATCH", "", "0")]
    public async Task ForwardAsync_NoBody_SendsNoContentButKeepsAnExplicitZeroLength(string method, string? content, string? expectedLength)
    {
        await using var rig = await ForwardingRig.StartAsync(EchoedRequest.EchoAsync);
        using var request = new HttpRequestMessage(new HttpMethod(method), rig.Front("/empty"))
        {
            Content = content is null ? null : new ByteArrayContent(Encoding.UTF8.GetBytes(content)),
        };

        using var response = await rig.Client.SendAsync(request);

        var echoed = EchoedRequest.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(expectedLength, echoed.Header("Content-Length"));
        Assert.Null(echoed.Header("Transfer-Encoding"));
        Assert.Equal(0, (await rig.OutcomeAsync()).RequestBytes);
    }

    [Theory]
    [InlineData(StatusCodes.Status204NoContent)]
    [InlineData(StatusCodes.Status304NotModified)]
    public async Task ForwardAsync_StatusWithoutBody_ForwardsStatusAndHeadersOnly(int status)
    {
        await using var rig = await ForwardingRig.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.ETag = "\"v1\"";
            return Task.CompletedTask;
        });

        using var response = await rig.Client.GetAsync(rig.Front("/nothing"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("\"v1\"", response.Headers.ETag?.Tag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(new ForwardOutcome(status, ForwardError.None, 0, 0), await rig.OutcomeAsync());
    }

    [Fact]
    public async Task ForwardAsync_Head_ForwardsContentLengthWithoutBody()
    {
        await using var rig = await ForwardingRig.StartAsync(context =>
        {
            context.Response.ContentType = "text/plain";
            context.Response.ContentLength = 5;
            return Task.CompletedTask;
        });

        using var response = await rig.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, rig.Front("/head")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(new ForwardOutcome(200, ForwardError.None, 0, 0), await rig.OutcomeAsync());
    }
}
