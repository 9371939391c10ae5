using Periscope.EndToEnd.Tests.Infrastructure;

namespace Periscope.EndToEnd.Tests.Catalog;

/// <summary>
/// The local main job in miniature: the functions host, the sample orders app as a real process, and
/// the real sidecar process beside it discovering the app's document at a well-known path.
/// </summary>
public sealed class SampleAppFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory _data = new();
    private ChildProcess? _app;
    private SidecarProcess? _sidecar;

    internal FunctionsServer Functions { get; private set; } = null!;

    internal HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Functions = await FunctionsServer.StartAsync(_data.Path);
        Client = Functions.CreateClient();
        var appPort = FreePort.Next();
        _app = ChildProcess.StartDotnet("Periscope.Samples.Orders", "--urls", $"http://127.0.0.1:{appPort}");
        _sidecar = SidecarProcess.Start("orders", appPort, Functions, "--container", "app");
        try
        {
            await Eventually.True(
                async () => await Client.FindServiceAsync("orders") is { } service && (int)service["operationCount"]! > 0,
                "the orders sample to be cataloged with its operations");
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}\nApp:\n{_app.Output}\nSidecar:\n{_sidecar.Output}", exception);
        }
    }

    public async Task DisposeAsync()
    {
        if (_sidecar is not null)
        {
            await _sidecar.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Client.Dispose();
        await Functions.DisposeAsync();
        _data.Dispose();
    }
}
