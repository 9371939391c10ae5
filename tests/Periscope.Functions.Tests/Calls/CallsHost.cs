using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Functions.Calls;

namespace Periscope.Functions.Tests.Calls;

/// <summary>
/// The functions host as Program.cs builds it, on a loopback port, with a SQLite store in a temporary folder,
/// bodies captured for namespace <c>capture</c>, and an admin key every request presents. Tests share one and
/// each uses its own app-id.
/// </summary>
public sealed class CallsHost : IAsyncLifetime
{
    public const string AdminKey = "calls-tests-bootstrap-key-0123456789abcd";

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("periscope-calls-host-");
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = new();

    internal ICallStore Store => _app!.Services.GetRequiredService<ICallStore>();

    internal ICallRecorder Recorder => _app!.Services.GetRequiredService<ICallRecorder>();

    public async Task InitializeAsync()
    {
        _app = FunctionsApplication.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Store:DataDirectory={_data.FullName}",
            "--Catalog:ReportToken=calls-tests-report-token-0123456789",
            $"--Access:BootstrapKey={AdminKey}",
            "--CallRecords:FlushInterval=00:00:00.020",
            "--CallRecords:CaptureBodies:0=capture/*",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }
}
