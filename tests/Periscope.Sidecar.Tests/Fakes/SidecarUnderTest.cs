namespace Periscope.Sidecar.Tests.Fakes;

/// <summary>
/// The sidecar's real host, in process, pointed at a fake app and a fake catalog, with intervals short
/// enough for tests (100 ms refresh and heartbeat, retries from 20 ms up to 200 ms) and its logs captured.
/// </summary>
internal sealed class SidecarUnderTest : IAsyncDisposable
{
    private readonly WebApplication host;

    private SidecarUnderTest(WebApplication host, CapturedLogs logs, int daprPort, int inboundPort, int metricsPort)
    {
        this.host = host;
        Logs = logs;
        DaprUrl = new Uri($"http://127.0.0.1:{daprPort}");
        InboundUrl = new Uri($"http://127.0.0.1:{inboundPort}");
        MetricsUrl = new Uri($"http://127.0.0.1:{metricsPort}");
    }

    public CapturedLogs Logs { get; }

    /// <summary>The Dapr API port (3500 in a pod).</summary>
    public Uri DaprUrl { get; }

    /// <summary>The inbound port (3501 in a pod).</summary>
    public Uri InboundUrl { get; }

    public Uri MetricsUrl { get; }

    public static async Task<SidecarUnderTest> StartAsync(FakeApp app, FakeCatalog catalog, params string[] extraArgs)
    {
        int daprPort = FreePort.Next(), inboundPort = FreePort.Next(), metricsPort = FreePort.Next();
        string[] args =
        [
            "--app-id", "orders",
            "--app-port", app.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--catalog", catalog.Url.ToString(),
            "--namespace", "shop",
            "--pod", "orders-7d9f-abcde",
            "--refresh-interval", "100ms",
            "--heartbeat-interval", "100ms",
            "--retry-initial-delay", "20ms",
            "--retry-max-delay", "200ms",
            "--request-timeout", "5s",
            "--listen-address", "127.0.0.1",
            "--dapr-http-port", daprPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--inbound-port", inboundPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--metrics-port", metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. extraArgs,
        ];
        var logs = new CapturedLogs();
        var host = SidecarApplication.Build(args, static _ => null, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddProvider(logs);
        });
        await host.StartAsync();
        return new SidecarUnderTest(host, logs, daprPort, inboundPort, metricsPort);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        await host.DisposeAsync();
    }
}
