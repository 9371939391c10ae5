using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Periscope.Functions;

namespace Periscope.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The functions host, built exactly as Program.cs builds it, listening on a real loopback port with a
/// SQLite store in a folder the test owns. It can be stopped and started again on the same port and data
/// directory, which is how "catalog down, then up" is tested.
/// </summary>
internal sealed class FunctionsServer : IAsyncDisposable
{
    public const string ReportToken = "end-to-end-report-token-0123456789";

    /// <summary>The bootstrap Admin key the server is configured with (<c>Access:BootstrapKey</c>).</summary>
    public const string AdminKey = "end-to-end-bootstrap-admin-key-0123456789abcdef";

    private WebApplication? _app;

    private FunctionsServer(string dataDirectory, string[] extraArguments)
    {
        DataDirectory = dataDirectory;
        ExtraArguments = extraArguments;
    }

    public string DataDirectory { get; }

    public int Port { get; private set; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    private string[] ExtraArguments { get; }

    public static async Task<FunctionsServer> StartAsync(string dataDirectory, params string[] extraArguments)
    {
        var server = new FunctionsServer(dataDirectory, extraArguments);
        await server.StartAsync(port: 0);
        return server;
    }

    /// <summary>A client presenting <paramref name="credential"/>: by default the bootstrap Admin key.</summary>
    public HttpClient CreateClient(FunctionsCredential credential = FunctionsCredential.AdminKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var token = credential switch
        {
            FunctionsCredential.AdminKey => AdminKey,
            FunctionsCredential.ReportToken => ReportToken,
            _ => null,
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        return client;
    }

    /// <summary>Starts again on the port it had (or a new one the first time).</summary>
    public async Task StartAsync(int? port = null)
    {
        string[] arguments =
        [
            $"--urls=http://127.0.0.1:{port ?? Port}",
            $"--Store:DataDirectory={DataDirectory}",
            $"--Catalog:ReportToken={ReportToken}",
            $"--Access:BootstrapKey={AdminKey}",
            "--Logging:LogLevel:Default=Warning",
            .. ExtraArguments,
        ];
        _app = FunctionsApplication.Build(arguments);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
