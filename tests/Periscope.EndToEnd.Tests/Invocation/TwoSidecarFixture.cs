using Periscope.EndToEnd.Tests.Infrastructure;

namespace Periscope.EndToEnd.Tests.Invocation;

/// <summary>
/// Two pods in miniature: the sample orders app with its sidecar, and a "web" app with its own sidecar
/// whose Dapr port callers use, so every invocation crosses two sidecars (web's outbound 3500 → orders'
/// inbound 3501 → orders), resolved through the catalog like in a cluster.
/// </summary>
public sealed class TwoSidecarFixture : IAsyncLifetime
{
    private const string WebDocument = """{"openapi":"3.0.3","info":{"title":"web","version":"1"},"paths":{"/":{"get":{"operationId":"home","responses":{"200":{"description":"ok"}}}}}}""";

    private readonly TemporaryDirectory data = new();
    private ChildProcess? orders;
    private StaticDocumentServer? web;

    internal FunctionsServer Functions { get; private set; } = null!;

    internal HttpClient Catalog { get; private set; } = null!;

    internal SidecarProcess OrdersSidecar { get; private set; } = null!;

    internal SidecarProcess WebSidecar { get; private set; } = null!;

    internal int OrdersPort { get; private set; }

    public async Task InitializeAsync()
    {
        Functions = await FunctionsServer.StartAsync(data.Path);
        Catalog = Functions.CreateClient();
        OrdersPort = FreePort.Next();
        orders = ChildProcess.StartDotnet("Periscope.Samples.Orders", "--urls", $"http://127.0.0.1:{OrdersPort}");
        web = await StaticDocumentServer.StartAsync("/openapi.json", WebDocument, "application/json");
        OrdersSidecar = SidecarProcess.Start("orders", OrdersPort, Functions);
        WebSidecar = SidecarProcess.Start("web", web.Port, Functions);
        try
        {
            await Eventually.True(
                async () => await Catalog.FindServiceAsync("orders") is { } service && (int)service["operationCount"]! > 0,
                "the orders sample to be cataloged with its operations");
            await Eventually.True(
                async () => (await Catalog.GetJsonAsync("api/services/default/orders/endpoints"))["items"]!.AsArray().Count > 0,
                "the orders sidecar's endpoint to be resolvable");
            using var probe = new HttpClient();
            await Eventually.True(
                async () => (await probe.GetAsync(new Uri(WebSidecar.MetricsUrl, "/healthz"))).IsSuccessStatusCode,
                "the web sidecar to listen");
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException(
                $"{exception.Message}\nOrders app:\n{orders.Output}\nOrders sidecar:\n{OrdersSidecar.Output}\nWeb sidecar:\n{WebSidecar.Output}", exception);
        }
    }

    /// <summary>What the processes printed, for a failing assertion's message.</summary>
    internal string Logs => $"Orders sidecar:\n{OrdersSidecar.Output}\nWeb sidecar:\n{WebSidecar.Output}";

    public async Task DisposeAsync()
    {
        await WebSidecar.DisposeAsync();
        await OrdersSidecar.DisposeAsync();
        if (web is not null)
        {
            await web.DisposeAsync();
        }

        if (orders is not null)
        {
            await orders.DisposeAsync();
        }

        Catalog.Dispose();
        await Functions.DisposeAsync();
        data.Dispose();
    }
}
