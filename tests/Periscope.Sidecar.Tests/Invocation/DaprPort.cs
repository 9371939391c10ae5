using Microsoft.Extensions.DependencyInjection;
using Periscope.Sidecar.Configuration;
using Periscope.Sidecar.Forwarding;
using Periscope.Sidecar.Invocation;
using Periscope.Sidecar.Tests.Fakes;

namespace Periscope.Sidecar.Tests.Invocation;

/// <summary>
/// The Dapr port as the sidecar serves it: <see cref="DaprApiHandler"/> as the only middleware of a
/// Kestrel server on 127.0.0.1, with the real forwarder and the invocation services, and a client for it.
/// </summary>
internal sealed class DaprPort : IAsyncDisposable
{
    private readonly WebApplication app;

    private DaprPort(WebApplication app, CapturedLogs logs)
    {
        this.app = app;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public CapturedLogs Logs { get; }

    public static async Task<DaprPort> StartAsync(SidecarOptions options, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddForwarding(TimeSpan.FromSeconds(2));
        builder.Services.AddInvocation(options);
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.Run(app.Services.GetRequiredService<DaprApiHandler>().HandleAsync);
        await app.StartAsync();
        return new DaprPort(app, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
