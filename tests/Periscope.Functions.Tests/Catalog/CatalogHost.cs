using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Catalog.Contracts;

namespace Periscope.Functions.Tests.Catalog;

/// <summary>
/// The functions host built as Program.cs builds it (<c>FunctionsApplication</c>), on a loopback port
/// Kestrel picks, with a SQLite store in a temporary folder. Tests share one and each uses its own app-id.
/// </summary>
public sealed class CatalogHost : IAsyncLifetime
{
    public const string ReportToken = "functions-tests-report-token-0123456789";

    /// <summary>The host's <c>Access:BootstrapKey</c>, an Admin key; <see cref="Client"/> presents it.</summary>
    public const string AdminKey = "functions-tests-bootstrap-admin-key-0123456789abcdef";

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("periscope-catalog-");
    private WebApplication? _app;

    /// <summary>A client presenting the Admin key; reports set the report token on their own requests.</summary>
    public HttpClient Client { get; private set; } = new();

    public async Task InitializeAsync()
    {
        _app = FunctionsApplication.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Store:DataDirectory={_data.FullName}",
            $"--Catalog:ReportToken={ReportToken}",
            $"--Access:BootstrapKey={AdminKey}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    public async Task<HttpResponseMessage> PostReportAsync(CatalogReport report)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/" + CatalogRoutes.Reports) { Content = JsonContent.Create(report) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReportToken);
        return await Client.SendAsync(request);
    }

    /// <summary>Posts a report that must be accepted and returns the catalog's answer.</summary>
    public async Task<ReportResponse> ReportAsync(CatalogReport report)
    {
        using var response = await PostReportAsync(report);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ReportResponse>())!;
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
