using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Functions.Invoke;
using Periscope.Functions.Tests.Hosting;
using Periscope.Functions.Tests.Invoke.Doubles;

namespace Periscope.Functions.Tests.Invoke;

/// <summary>Timeouts, limits, unreachable sidecars and retries, each with a host configured for it.</summary>
public sealed class GatewayForwarderTests
{
    [Fact]
    public async Task Forward_AppTooSlow_Answers504NamingTheTimeout()
    {
        await WithHostAsync(["--Invoke:Timeout=00:00:00.3"], null, async host =>
        {
            host.Sidecar.Answer = async (context, _) => await Task.Delay(Timeout.Infinite, context.RequestAborted);

            using var response = await host.Client.GetAsync("/api/invoke/default/shop/items/1");

            var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.GatewayTimeout);
            Assert.Contains("Invoke:Timeout", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            await Eventually.TrueAsync(() => host.Recorder.Records.Count == 1, "the call to be recorded");
            Assert.Equal((504, InvokeErrors.Timeout), (Assert.Single(host.Recorder.Records).Status, Assert.Single(host.Recorder.Records).Error));
        });
    }

    [Fact]
    public async Task Forward_SidecarUnreachable_Answers502NamingTheEndpoint()
    {
        var closed = ClosedPort();
        await WithHostAsync([$"--Invoke:DaprHttpEndpoint=http://127.0.0.1:{closed}", "--Invoke:RetryDelay=00:00:00"], null, async host =>
        {
            using var response = await host.Client.GetAsync("/api/invoke/default/shop/items/1");

            var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.BadGateway);
            Assert.Contains($"127.0.0.1:{closed}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Forward_StreamedBodyOverTheLimit_Answers413()
    {
        await WithHostAsync(["--Invoke:MaxRequestBodyBytes=1024"], null, async host =>
        {
            host.Sidecar.Answer = async (context, request) => await context.Response.WriteAsync("read " + request.Body.Length);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/invoke/default/shop/items")
            {
                Content = new StreamContent(new MemoryStream(new byte[64 * 1024])),
            };

            using var response = await host.Client.SendAsync(request);

            await ProblemJson.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        });
    }

    [Fact]
    public async Task Forward_BodyWithinTheLimit_IsSentWhole()
    {
        await WithHostAsync(["--Invoke:MaxRequestBodyBytes=1024"], null, async host =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/invoke/default/shop/items")
            {
                Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string('x', 1024)))),
            };

            using var response = await host.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(1024, Assert.Single(host.Sidecar.Received).Body.Length);
        });
    }

    [Fact]
    public async Task Forward_OperationInputOverTheLimit_Answers413()
    {
        await WithHostAsync(["--Invoke:MaxRequestBodyBytes=1024"], null, async host =>
        {
            var input = "{\"body\":{\"name\":\"" + new string('x', 2000) + "\"}}";

            using var response = await host.Client.PostAsync("/api/operations/default.shop.createItem/invoke", new StringContent(input, Encoding.UTF8, "application/json"));

            await ProblemJson.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
            Assert.Empty(host.Sidecar.Received);
        });
    }

    [Fact]
    public async Task Forward_IdempotentCallFailingToConnect_IsRetried()
    {
        var handler = new ConnectFailingHandler { FailNext = 2 };
        await WithHostAsync(["--Invoke:RetryDelay=00:00:00"], Handler(handler), async host =>
        {
            using var response = await host.Client.GetAsync("/api/invoke/default/shop/items/1");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(3, handler.Sends);
        });
    }

    [Fact]
    public async Task Forward_RetriesExhausted_Answers502AfterThreeAttempts()
    {
        var handler = new ConnectFailingHandler { FailNext = 10 };
        await WithHostAsync(["--Invoke:RetryDelay=00:00:00"], Handler(handler), async host =>
        {
            using var response = await host.Client.GetAsync("/api/invoke/default/shop/items/1");

            await ProblemJson.ReadAsync(response, HttpStatusCode.BadGateway);
            Assert.Equal(3, handler.Sends);
        });
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public async Task Forward_NonIdempotentCallFailingToConnect_IsNotRetried(string method)
    {
        var handler = new ConnectFailingHandler { FailNext = 1 };
        await WithHostAsync(["--Invoke:RetryDelay=00:00:00"], Handler(handler), async host =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), "/api/invoke/default/shop/items") { Content = new StringContent("{}") };

            using var response = await host.Client.SendAsync(request);

            await ProblemJson.ReadAsync(response, HttpStatusCode.BadGateway);
            Assert.Equal(1, handler.Sends);
        });
    }

    internal static Action<IServiceCollection> Handler(HttpMessageHandler handler) =>
        services => services.AddSingleton(new SidecarHttpClient(handler));

    internal static async Task WithHostAsync(string[] settings, Action<IServiceCollection>? services, Func<InvokeHost, Task> test)
    {
        var host = new InvokeHost(settings, services);
        await host.InitializeAsync();
        try
        {
            await test(host);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
