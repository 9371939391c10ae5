using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Functions.Access;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Access;

/// <summary>
/// The functions host (<see cref="FunctionsTestServer"/>) with the <c>Access</c> settings a test gives. <see cref="Client"/> sends no credentials.
/// </summary>
internal sealed class AccessHost : IAsyncDisposable
{
    public const string ReportToken = "access-tests-report-token-0123456789";
    public const string AdminKey = "access-tests-bootstrap-admin-key-0123456789abcdef";

    private readonly FunctionsTestServer _server;

    private AccessHost(FunctionsTestServer server)
    {
        _server = server;
        Client = server.CreateClient(null);
    }

    public WebApplication App => _server.App;

    public string DataDirectory => _server.DataDirectory;

    public Uri BaseAddress => _server.BaseAddress;

    public HttpClient Client { get; }

    /// <summary>
    /// Starts a host with <c>Access:BootstrapKey</c> = <see cref="AdminKey"/> unless <paramref name="bootstrapKey"/>
    /// is false; on <paramref name="dataDirectory"/> (kept afterwards) or a fresh folder (deleted with the host).
    /// </summary>
    public static async Task<AccessHost> StartAsync(string[]? settings = null, bool bootstrapKey = true, string? dataDirectory = null)
    {
        string[] arguments =
        [
            $"--Catalog:ReportToken={ReportToken}",
            .. bootstrapKey ? [$"--Access:BootstrapKey={AdminKey}"] : Array.Empty<string>(),
            .. settings ?? [],
        ];
        return new AccessHost(await FunctionsTestServer.StartAsync(arguments, dataDirectory));
    }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>A client presenting <paramref name="bearer"/> as <c>Authorization: Bearer</c>, or nothing when null.</summary>
    public HttpClient CreateClient(string? bearer) => _server.CreateClient(bearer);

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
        await _server.DisposeAsync();
    }
}
