namespace Periscope.Functions.Tests.Alerts;

/// <summary>One <see cref="AlertsHost"/> for a test class (body limit 3 MiB, portal links on); each test uses its own alert names and namespaces.</summary>
public sealed class AlertsHostFixture : IAsyncLifetime
{
    public const long MaxBodyBytes = 3 * 1024 * 1024;

    internal AlertsHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await AlertsHost.StartAsync($"--Alerts:Receiver:MaxBodyBytes={MaxBodyBytes}", "--Alerts:PortalUrl=https://periscope.example/portal");

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
