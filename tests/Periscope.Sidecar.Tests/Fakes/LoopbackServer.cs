namespace Periscope.Sidecar.Tests.Fakes;

/// <summary>
/// Kestrel on 127.0.0.1: on a port the OS picks the first time, on the same port after a restart, so a
/// test can take a server away from the sidecar and bring it back where the sidecar looks for it.
/// </summary>
internal sealed class LoopbackServer(RequestDelegate handler) : IAsyncDisposable
{
    private WebApplication? app;

    public int Port { get; private set; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public bool IsRunning => app is not null;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var started = builder.Build();
        started.Urls.Add($"http://127.0.0.1:{Port}");
        started.Run(handler);
        await started.StartAsync();
        Port = new Uri(started.Urls.Single()).Port;
        app = started;
    }

    public async Task StopAsync()
    {
        if (app is { } running)
        {
            app = null;
            await running.StopAsync();
            await running.DisposeAsync();
        }
    }

    /// <summary>Starts and stops once, leaving a port nothing listens on (connection refused) until <see cref="StartAsync"/>.</summary>
    public async Task ReservePortAsync()
    {
        await StartAsync();
        await StopAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
