using System.Net;
using System.Text.Json;
using Periscope.Sidecar.Forwarding;
using Periscope.Sidecar.Tests.Fakes;

namespace Periscope.Sidecar.Tests.Forwarding;

public sealed class DaprErrorResponseTests
{
    private const string Message = "app \"orders\" in namespace \"shop\" did not answer: 连接被拒绝";

    [Fact]
    public async Task WriteAsync_Error_DaprJsonBodyWithStatusAndContentType()
    {
        await using var server = await StartAsync(context =>
            DaprErrorResponse.WriteAsync(context, StatusCodes.Status502BadGateway, DaprErrorCodes.DirectInvoke, Message));
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        using var response = await client.GetAsync(server.Url);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(
            [("errorCode", "ERR_DIRECT_INVOKE"), ("message", Message)],
            json.RootElement.EnumerateObject().Select(property => (property.Name, property.Value.GetString())));
    }

    [Fact]
    public async Task WriteAsync_AfterHeadersWereSet_ReplacesThem()
    {
        await using var server = await StartAsync(context =>
        {
            context.Response.StatusCode = 200;
            context.Response.Headers.ETag = "\"from-the-app\"";
            context.Response.ContentType = "text/html";
            return DaprErrorResponse.WriteAsync(context, StatusCodes.Status504GatewayTimeout, DaprErrorCodes.DirectInvoke, "timed out");
        });
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        using var response = await client.GetAsync(server.Url);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WriteAsync_ResponseAlreadyStarted_CutsTheConnection()
    {
        await using var server = await StartAsync(async context =>
        {
            context.Response.ContentLength = 100;
            await context.Response.WriteAsync("half an answer");
            await DaprErrorResponse.WriteAsync(context, StatusCodes.Status502BadGateway, DaprErrorCodes.DirectInvoke, "broke off");
        });
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync(server.Url));
    }

    private static async Task<LoopbackServer> StartAsync(RequestDelegate handler)
    {
        var server = new LoopbackServer(handler);
        await server.StartAsync();
        return server;
    }
}
