using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Functions.Access;

namespace Periscope.Functions.Tests.Access;

/// <summary>
/// The functions host as Program.cs builds it (<c>FunctionsApplication</c>), on a loopback port, with its
/// own SQLite folder and the <c>Access</c> settings a test gives. <see cref="Client"/> sends no credentials.
/// </summary>
internal sealed class AccessHost : IAsyncDisposable
{
    public const string ReportToken = "access-tests-report-token-0123456789";
    public const string AdminKey = "access-tests-bootstrap-admin-key-0123456789abcdef";

    private readonly DirectoryInfo? _ownedData;

    private AccessHost(WebApplication app, string dataDirectory, DirectoryInfo? ownedData)
    {
        App = app;
        DataDirectory = dataDirectory;
        _ownedData = ownedData;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address);
        Client = CreateClient(null);
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>
    /// Starts a host with <c>Access:BootstrapKey</c> = <see cref="AdminKey"/> unless <paramref name="bootstrapKey"/>
    /// is false; on <paramref name="dataDirectory"/> (kept afterwards) or a fresh folder (deleted with the host).
    /// </summary>
    public static async Task<AccessHost> StartAsync(string[]? settings = null, bool bootstrapKey = true, string? dataDirectory = null)
    {
        var owned = dataDirectory is null ? Directory.CreateTempSubdirectory("periscope-access-") : null;
        var data = dataDirectory ?? owned!.FullName;
        string[] arguments =
        [
            "--urls=http://127.0.0.1:0",
            $"--Store:DataDirectory={data}",
            $"--Catalog:ReportToken={ReportToken}",
            "--Logging:LogLevel:Default=Warning",
            .. bootstrapKey ? [$"--Access:BootstrapKey={AdminKey}"] : Array.Empty<string>(),
            .. settings ?? [],
        ];
        var app = FunctionsApplication.Build(arguments);
        await app.StartAsync();
        return new AccessHost(app, data, owned);
    }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

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

    /// <summary>Creates a key through <c>POST /api/keys</c> with the bootstrap Admin key; returns its id and the key.</summary>
    public async Task<(string Id, string Key)> CreateKeyAsync(Role role, string name = "test", params string[] scopes)
    {
        using var admin = CreateClient(AdminKey);
        using var response = await admin.PostAsJsonAsync("/api/keys", new { name, role = role.ToString(), scopes });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/keys: {(int)response.StatusCode} {body}");
        using var created = JsonDocument.Parse(body);
        return (created.RootElement.GetProperty("id").GetString()!, created.RootElement.GetProperty("key").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownedData is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _ownedData.Delete(recursive: true);
        }
    }
}
