using Periscope.Monitoring.Stack;

namespace Periscope.Functions.Tests.Alerts;

/// <summary>
/// The real Alertmanager (Debian's prometheus-alertmanager, started by the stack library on loopback) and an
/// <see cref="AlertsHost"/> that uses it for silences and is its webhook receiver with a bearer token. Alertmanager
/// starts first (the host needs its URL), then is reloaded with the host's receiver URL.
/// </summary>
public sealed class AlertmanagerStackFixture : IAsyncLifetime
{
    internal AlertmanagerServer Alertmanager { get; private set; } = null!;

    internal AlertsHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Alertmanager = await AlertmanagerServer.StartAsync(new AlertmanagerSetup(new Uri("http://127.0.0.1:9/unused")));
        Host = await AlertsHost.StartAsync($"--Alerts:AlertmanagerUrl={Alertmanager.BaseAddress}");
        await Alertmanager.ReloadAsync(new AlertmanagerSetup(new Uri(Host.BaseAddress, "/api/alerts/alertmanager"))
        {
            BearerToken = AlertsHost.ReceiverToken,
            GroupWait = TimeSpan.FromMilliseconds(100),
            GroupInterval = TimeSpan.FromMilliseconds(500),
        });
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (Alertmanager is not null)
        {
            await Alertmanager.DisposeAsync();
        }
    }
}
