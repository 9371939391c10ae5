using System.Globalization;

namespace Periscope.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real sidecar binary, started beside an app with short intervals so tests see changes quickly,
/// its three listeners on free loopback ports.
/// </summary>
internal sealed class SidecarProcess : IAsyncDisposable
{
    private readonly ChildProcess process;

    private SidecarProcess(ChildProcess process, int daprPort, int inboundPort, int metricsPort)
    {
        this.process = process;
        DaprUrl = new Uri($"http://127.0.0.1:{daprPort}");
        InboundUrl = new Uri($"http://127.0.0.1:{inboundPort}");
        MetricsUrl = new Uri($"http://127.0.0.1:{metricsPort}");
    }

    /// <summary>Dapr's HTTP API (3500 in a pod).</summary>
    public Uri DaprUrl { get; }

    /// <summary>Where invocations arrive for the app (3501 in a pod).</summary>
    public Uri InboundUrl { get; }

    /// <summary>/metrics, /healthz, /readyz.</summary>
    public Uri MetricsUrl { get; }

    public string Output => process.Output;

    public bool HasExited => process.HasExited;

    public int ProcessId => process.Id;

    public static SidecarProcess Start(string appId, int appPort, FunctionsServer catalog, params string[] extra)
    {
        int daprPort = FreePort.Next(), inboundPort = FreePort.Next(), metricsPort = FreePort.Next();
        var process = ChildProcess.StartSidecar(
            [
                "--app-id", appId,
                "--app-port", Text(appPort),
                "--catalog", catalog.BaseAddress.ToString().TrimEnd('/'),
                "--catalog-token", FunctionsServer.ReportToken,
                "--namespace", "default",
                "--refresh-interval", "200ms",
                "--heartbeat-interval", "200ms",
                "--listen-address", "127.0.0.1",
                "--dapr-http-port", Text(daprPort),
                "--inbound-port", Text(inboundPort),
                "--metrics-port", Text(metricsPort),
                .. extra,
            ]);
        return new SidecarProcess(process, daprPort, inboundPort, metricsPort);
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
