using System.Globalization;
using Periscope.Catalog.Contracts;
using Periscope.EndToEnd.Tests.Infrastructure;

namespace Periscope.EndToEnd.Tests.Gateway;

/// <summary>
/// The gateway path end to end, as in a cluster: the functions host, whose <c>Invoke:DaprHttpEndpoint</c> is
/// its own sidecar's Dapr port; the sample orders app and an <see cref="EchoApp"/>, each with its sidecar; every
/// call crossing functions → gateway sidecar (3500) → app sidecar (3501) → app, resolved through the catalog.
/// Shared by the whole test class so the processes start once.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    /// <summary>A breaker that opens after three failures, so a test can open it quickly; others never get near.</summary>
    public const int BreakerThroughput = 3;

    /// <summary>The gateway's body limit here: small, so the oversize test sends little.</summary>
    public const int MaxRequestBodyBytes = 64 * 1024;

    private readonly TemporaryDirectory data = new();
    private ChildProcess? orders;
    private ChildProcess? gatewaySidecar;

    internal FunctionsServer Functions { get; private set; } = null!;

    /// <summary>A client presenting the bootstrap Admin key.</summary>
    internal HttpClient Client { get; private set; } = null!;

    internal EchoApp Echo { get; private set; } = null!;

    internal SidecarProcess OrdersSidecar { get; private set; } = null!;

    internal SidecarProcess EchoSidecar { get; private set; } = null!;

    internal string Logs =>
        $"Gateway sidecar:\n{gatewaySidecar?.Output}\nOrders sidecar:\n{OrdersSidecar.Output}\nEcho sidecar:\n{EchoSidecar.Output}";

    public async Task InitializeAsync()
    {
        int daprPort = FreePort.Next(), inboundPort = FreePort.Next(), metricsPort = FreePort.Next();
        Functions = await FunctionsServer.StartAsync(
            data.Path,
            $"--Invoke:DaprHttpEndpoint=http://127.0.0.1:{daprPort}",
            $"--Invoke:MaxRequestBodyBytes={MaxRequestBodyBytes}",
            "--Invoke:Timeout=00:00:15",
            "--Invoke:RetryDelay=00:00:00.05",
            $"--Invoke:CircuitBreaker:MinimumThroughput={BreakerThroughput}",
            "--Invoke:CircuitBreaker:BreakDuration=00:01:00");
        Client = Functions.CreateClient();
        var ordersPort = FreePort.Next();
        orders = ChildProcess.StartDotnet("Periscope.Samples.Orders", "--urls", $"http://127.0.0.1:{ordersPort}");
        Echo = await EchoApp.StartAsync();
        OrdersSidecar = SidecarProcess.Start("orders", ordersPort, Functions);
        EchoSidecar = SidecarProcess.Start("echo", Echo.Port, Functions);

        // The functions pod's own sidecar: its app is the functions host, its Dapr port the gateway's endpoint.
        gatewaySidecar = ChildProcess.StartSidecar(
            "--app-id", "periscope-gateway",
            "--app-port", Text(Functions.Port),
            "--catalog", Functions.BaseAddress.ToString().TrimEnd('/'),
            "--catalog-token", FunctionsServer.ReportToken,
            "--namespace", "default",
            "--refresh-interval", "5s",
            "--heartbeat-interval", "1s",
            "--listen-address", "127.0.0.1",
            "--dapr-http-port", Text(daprPort),
            "--inbound-port", Text(inboundPort),
            "--metrics-port", Text(metricsPort));
        try
        {
            foreach (var app in new[] { "orders", "echo" })
            {
                await Eventually.True(
                    async () => await Client.FindServiceAsync(app) is { } service && (int)service["operationCount"]! > 0,
                    $"{app} to be cataloged with its operations");
                await Eventually.True(
                    async () => (await Client.GetJsonAsync($"api/services/default/{app}/endpoints"))["items"]!.AsArray().Count > 0,
                    $"{app}'s endpoint to be resolvable");
            }

            using var probe = new HttpClient();
            await Eventually.True(
                async () => (await probe.GetAsync($"http://127.0.0.1:{metricsPort}/healthz")).IsSuccessStatusCode,
                "the gateway's sidecar to listen");
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}\nOrders app:\n{orders.Output}\n{Logs}", exception);
        }
    }

    /// <summary>
    /// Catalogs a service whose only endpoint is a port nobody listens on: the target is down. With
    /// <paramref name="stale"/>, its last heartbeat is old, so its sidecar finds no current endpoint.
    /// </summary>
    internal async Task ReportDeadServiceAsync(string appId, bool stale = false)
    {
        using var sidecar = Functions.CreateClient(FunctionsCredential.ReportToken);
        using var response = await sidecar.PostReportAsync(new CatalogReport
        {
            AppId = appId,
            Namespace = "default",
            Pod = appId + "-pod",
            Container = "app",
            Endpoint = new ReportedEndpoint { Address = "127.0.0.1", Port = FreePort.Next() },
            HeartbeatAt = stale ? DateTimeOffset.UtcNow.AddMinutes(-10) : DateTimeOffset.UtcNow,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        if (gatewaySidecar is not null)
        {
            await gatewaySidecar.DisposeAsync();
        }

        await EchoSidecar.DisposeAsync();
        await OrdersSidecar.DisposeAsync();
        await Echo.DisposeAsync();
        if (orders is not null)
        {
            await orders.DisposeAsync();
        }

        Client.Dispose();
        await Functions.DisposeAsync();
        data.Dispose();
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
