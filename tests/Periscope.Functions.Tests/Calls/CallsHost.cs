using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Functions.Calls;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Calls;

/// <summary>
/// The functions host (<see cref="FunctionsTestServer"/>) with bodies captured for namespace <c>capture</c>,
/// and an admin key every request presents. Tests share one and
/// each uses its own app-id.
/// </summary>
public sealed class CallsHost : IAsyncLifetime
{
    public const string AdminKey = "calls-tests-bootstrap-key-0123456789abcd";

    private FunctionsTestServer? _server;

    public HttpClient Client { get; private set; } = new();

    internal ICallStore Store => _server!.App.Services.GetRequiredService<ICallStore>();

    internal ICallRecorder Recorder => _server!.App.Services.GetRequiredService<ICallRecorder>();

    public async Task InitializeAsync()
    {
        _server = await FunctionsTestServer.StartAsync(
        [
            "--Catalog:ReportToken=calls-tests-report-token-0123456789",
            $"--Access:BootstrapKey={AdminKey}",
            "--CallRecords:FlushInterval=00:00:00.020",
            "--CallRecords:CaptureBodies:0=capture/*",
        ]);
        Client = _server.CreateClient(AdminKey);
    }

    public Task<JsonElement> GetJsonAsync(string path) => FunctionsTestServer.GetJsonAsync(Client, path);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
