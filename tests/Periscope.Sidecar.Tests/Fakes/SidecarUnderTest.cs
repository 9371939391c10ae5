namespace Periscope.Sidecar.Tests.Fakes;

/// <summary>
/// The sidecar's real host, in process, pointed at a fake app and a fake catalog, with intervals short
/// enough for tests (100 ms refresh and heartbeat, retries from 20 ms up to 200 ms) and its logs captured.
/// </summary>
internal sealed class SidecarUnderTest : IAsyncDisposable
{
    private readonly IHost host;

    private SidecarUnderTest(IHost host, CapturedLogs logs)
    {
        this.host = host;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public static async Task<SidecarUnderTest> StartAsync(FakeApp app, FakeCatalog catalog, params string[] extraArgs)
    {
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
        return new SidecarUnderTest(host, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
