using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Periscope.Catalog.Contracts;
using Periscope.Functions.Access;
using Periscope.Functions.Calls;
using Periscope.Functions.Catalog;
using Periscope.Functions.Hosting;
using Periscope.Functions.Invoke;
using Periscope.Functions.Store;
using Periscope.Functions.Tests.Invoke.Doubles;

namespace Periscope.Functions.Tests.Invoke;

/// <summary>
/// The functions host with the catalog and the invoke functions on a loopback port, its Dapr endpoint a
/// <see cref="FakeSidecar"/>, the "shop" app (<see cref="ShopDocument"/>) cataloged in namespace <c>default</c>.
/// Access enforcement is not part of it: a small middleware admits every request as an Operator key whose
/// scopes come from the <c>X-Test-Scopes</c> header (comma-separated; none means any service).
/// </summary>
public sealed class InvokeHost : IAsyncLifetime
{
    public const string ReportToken = "invoke-tests-report-token-0123456789";
    public const string ScopesHeader = "X-Test-Scopes";
    public const string KeyId = "key-0001";

    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("periscope-invoke-");
    private readonly string[] settings;
    private readonly Action<IServiceCollection>? services;
    private WebApplication? app;

    public InvokeHost()
        : this([], null)
    {
    }

    internal InvokeHost(string[] settings, Action<IServiceCollection>? services)
    {
        this.settings = settings;
        this.services = services;
    }

    internal FakeSidecar Sidecar { get; private set; } = null!;

    internal FakeCallRecorder Recorder { get; } = new();

    public HttpClient Client { get; private set; } = new();

    internal T Get<T>()
        where T : notnull => app!.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        Sidecar = await FakeSidecar.StartAsync();
        var builder = WebApplication.CreateSlimBuilder(
        [
            "--urls=http://127.0.0.1:0",
            $"--Store:DataDirectory={data.FullName}",
            $"--Catalog:ReportToken={ReportToken}",
            $"--Invoke:DaprHttpEndpoint={Sidecar.Endpoint.GetLeftPart(UriPartial.Authority)}",
            "--Invoke:DaprApiToken=gateway-dapr-token",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ]);
        builder.Logging.ClearProviders();
        builder.AddFunctionsHost();
        builder.Services.AddCatalogStore(builder.Configuration);
        builder.Services.AddCatalog(builder.Configuration);
        builder.Services.AddInvoke(builder.Configuration);
        builder.Services.AddSingleton<ICallRecorder>(Recorder);
        services?.Invoke(builder.Services);
        app = builder.Build();
        app.UseFunctionsHost();
        app.Use((context, next) =>
        {
            var scopes = context.Request.Headers[ScopesHeader].ToString();
            context.SetCaller(new Caller(KeyId, "test key", CallerKind.ApiKey, Role.Operator, scopes.Length == 0 ? [] : scopes.Split(',')));
            return next(context);
        });
        app.MapHostEndpoints();
        app.MapFunctions(api => api.MapCatalogFunctions().MapInvokeFunctions());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        await ReportAsync("shop", ShopDocument.Json);
    }

    /// <summary>Catalogs an app in namespace <c>default</c> with <paramref name="document"/>.</summary>
    public async Task ReportAsync(string appId, string document)
    {
        var report = new CatalogReport
        {
            AppId = appId,
            Namespace = "default",
            Pod = appId + "-pod",
            Container = "app",
            Endpoint = new ReportedEndpoint { Address = "127.0.0.1", Port = 3501 },
            Document = new ReportedDocument { Content = document, ContentType = "application/json", SourcePath = "/openapi.json" },
            DocumentHash = DocumentHash.Of(document),
            HeartbeatAt = DateTimeOffset.UtcNow,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/" + CatalogRoutes.Reports) { Content = JsonContent.Create(report) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReportToken);
        using var response = await Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await Sidecar.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        data.Delete(recursive: true);
    }
}
