using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Periscope.Functions.Tests.Hosting;

/// <summary>
/// The functions host built as Program.cs builds it (<c>FunctionsApplication</c>), on a loopback port Kestrel
/// picks, with a SQLite store in a folder of its own (deleted with it) or one the test keeps, and the settings a
/// test gives. The catalog, access and call-record hosts of these tests are this with their own settings.
/// </summary>
internal sealed class FunctionsTestServer : IAsyncDisposable
{
    private readonly DirectoryInfo? _ownedData;

    private FunctionsTestServer(WebApplication app, string dataDirectory, DirectoryInfo? ownedData)
    {
        App = app;
        DataDirectory = dataDirectory;
        _ownedData = ownedData;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    /// <summary>Starts a host with <paramref name="settings"/> (<c>--Section:Key=value</c>) on <paramref name="dataDirectory"/> or a fresh folder.</summary>
    public static async Task<FunctionsTestServer> StartAsync(IEnumerable<string> settings, string? dataDirectory = null)
    {
        var owned = dataDirectory is null ? Directory.CreateTempSubdirectory("periscope-functions-") : null;
        var data = dataDirectory ?? owned!.FullName;
        var app = FunctionsApplication.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Store:DataDirectory={data}",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ]);
        await app.StartAsync();
        return new FunctionsTestServer(app, data, owned);
    }

    /// <summary>A client presenting <paramref name="bearer"/> as <c>Authorization: Bearer</c>, or nothing when null.</summary>
    public HttpClient CreateClient(string? bearer)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    /// <summary>GETs <paramref name="path"/> with <paramref name="client"/>, which must answer 2xx with JSON.</summary>
    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownedData is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _ownedData.Delete(recursive: true);
        }
    }
}
