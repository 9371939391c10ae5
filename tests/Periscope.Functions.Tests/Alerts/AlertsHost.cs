using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Catalog.Contracts;
using Periscope.Functions.Access;
using Periscope.Functions.Alerts;
using Periscope.Functions.Catalog;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Tests.Alerts;

/// <summary>
/// The functions host composed as FunctionsApplication composes it — host, store, catalog, access, alerts — on a
/// loopback port with its own SQLite folder, plus a <see cref="RecordingNotifier"/> in place of the notification
/// channels (which FunctionsApplication adds but these tests are not about).
/// </summary>
internal sealed class AlertsHost : IAsyncDisposable
{
    public const string ReportToken = "alerts-tests-report-token-0123456789";
    public const string AdminKey = "alerts-tests-bootstrap-admin-key-0123456789abcdef";
    public const string ReceiverToken = "alerts-tests-receiver-token-0123456789";
    public const string BasicUser = "alertmanager";
    public const string BasicPassword = "alerts-tests-basic-password-0123456789";

    private readonly DirectoryInfo _data;

    private AlertsHost(WebApplication app, DirectoryInfo data, RecordingNotifier notifier)
    {
        App = app;
        _data = data;
        Notifier = notifier;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public RecordingNotifier Notifier { get; }

    /// <summary>Default settings: both receiver credentials; <paramref name="settings"/> are added after them (and win).</summary>
    public static async Task<AlertsHost> StartAsync(params string[] settings) =>
        await StartAsync(withReceiverCredentials: true, settings);

    public static async Task<AlertsHost> StartAsync(bool withReceiverCredentials, params string[] settings)
    {
        var data = Directory.CreateTempSubdirectory("periscope-alerts-");
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Store:DataDirectory={data.FullName}",
            "--Logging:LogLevel:Default=Warning",
            $"--Catalog:ReportToken={ReportToken}",
            $"--Access:BootstrapKey={AdminKey}",
            "--Access:RateLimit:PermitsPerSecond=0",
            .. withReceiverCredentials
                ? new[] { $"--Alerts:Receiver:BearerToken={ReceiverToken}", $"--Alerts:Receiver:BasicUsername={BasicUser}", $"--Alerts:Receiver:BasicPassword={BasicPassword}" }
                : [],
            .. settings,
        ];
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
            builder.AddFunctionsHost();
            builder.Services.AddCatalogStore(builder.Configuration);
            builder.Services.AddCatalog(builder.Configuration);
            builder.Services.AddAccess(builder.Configuration);
            builder.Services.AddAlerts(builder.Configuration);
            var notifier = new RecordingNotifier();
            builder.Services.AddSingleton<IAlertNotifier>(notifier);
            var app = builder.Build();
            app.UseFunctionsHost();
            app.UseAccess();
            app.MapHostEndpoints();
            app.MapFunctions(api => api.MapCatalogFunctions().MapAccessFunctions().MapAlertFunctions());
            await app.StartAsync();
            return new AlertsHost(app, data, notifier);
        }
        catch
        {
            // A host that fails to start (a test of start-up validation) leaves no folder behind.
            data.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>Posts a sidecar's report to the catalog with the report token; it must be accepted.</summary>
    public async Task ReportAsync(CatalogReport report)
    {
        using var client = CreateClient(ReportToken);
        using var response = await client.PostAsJsonAsync("/api/" + CatalogRoutes.Reports, report);
        Assert.True(response.IsSuccessStatusCode, $"POST report: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public IAlertStore Store => App.Services.GetRequiredService<IAlertStore>();

    public HttpClient CreateClient(string? bearer)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    public HttpClient CreateBasicClient(string user, string password)
    {
        var client = CreateClient(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    /// <summary>Creates an API key of <paramref name="role"/> with the bootstrap key; returns the key.</summary>
    public async Task<string> CreateKeyAsync(Role role, string name)
    {
        using var admin = CreateClient(AdminKey);
        using var response = await admin.PostAsJsonAsync("/api/keys", new { name, role = role.ToString(), scopes = Array.Empty<string>() });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["key"]!.GetValue<string>();
    }

    /// <summary>POSTs a payload to the receiver with the receiver's bearer token.</summary>
    public async Task<HttpResponseMessage> PostPayloadAsync(string json, HttpClient? client = null)
    {
        using var own = client is null ? CreateClient(ReceiverToken) : null;
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await (client ?? own!).PostAsync("/api/alerts/alertmanager", content);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var client = CreateClient(AdminKey);
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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }
}
