namespace Periscope.EndToEnd.Tests.Infrastructure;

/// <summary>The real sidecar binary, started beside an app with short intervals so tests see changes quickly.</summary>
internal static class SidecarProcess
{
    public static ChildProcess Start(string appId, int appPort, FunctionsServer catalog, params string[] extra) =>
        ChildProcess.StartDotnet(
            "Periscope.Sidecar",
            [
                "--app-id", appId,
                "--app-port", appPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--catalog", catalog.BaseAddress.ToString().TrimEnd('/'),
                "--catalog-token", FunctionsServer.ReportToken,
                "--namespace", "default",
                "--refresh-interval", "200ms",
                "--heartbeat-interval", "200ms",
                .. extra,
            ]);
}
