using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Periscope.Catalog.Contracts;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Catalog;

/// <summary>
/// The functions host (<see cref="FunctionsTestServer"/>) with a report token and an Admin key. Tests share
/// one and each uses its own app-id.
/// </summary>
public sealed class CatalogHost : IAsyncLifetime
{
    public const string ReportToken = "functions-tests-report-token-0123456789";

    /// <summary>The host's <c>Access:BootstrapKey</c>, an Admin key; <see cref="Client"/> presents it.</summary>
    public const string AdminKey = "functions-tests-bootstrap-admin-key-0123456789abcdef";

    private FunctionsTestServer? _server;

    /// <summary>A client presenting the Admin key; reports set the report token on their own requests.</summary>
    public HttpClient Client { get; private set; } = new();

    public async Task InitializeAsync()
    {
        _server = await FunctionsTestServer.StartAsync([$"--Catalog:ReportToken={ReportToken}", $"--Access:BootstrapKey={AdminKey}"]);
        Client = _server.CreateClient(AdminKey);
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
