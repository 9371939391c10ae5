using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Periscope.Functions.Hosting;
using Periscope.Functions.Tests.Hosting.Doubles;

namespace Periscope.Functions.Tests.Hosting;

/// <summary>
/// A functions host built the way <c>FunctionsApplication</c> builds it, with the test functions, on a
/// loopback port Kestrel picks, reading a host.json written to a temporary directory.
/// </summary>
internal sealed class FunctionsTestHost : IAsyncDisposable
{
    private readonly DirectoryInfo directory;

    private FunctionsTestHost(WebApplication app, DirectoryInfo directory)
    {
        App = app;
        this.directory = directory;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<FunctionsTestHost> StartAsync(string hostJson, Action<WebApplicationBuilder>? configure = null)
    {
        var directory = Directory.CreateTempSubdirectory("periscope-host-");
        var path = Path.Combine(directory.FullName, "host.json");
        await File.WriteAllTextAsync(path, hostJson);

        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0", "--Functions:HostJson", path]);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<FunctionGate>();
        builder.Services.AddSingleton<CancellationProbe>();
        configure?.Invoke(builder);
        builder.AddFunctionsHost();

        var app = builder.Build();
        app.UseFunctionsHost();
        app.MapHostEndpoints();
        app.MapFunctions(api =>
        {
            api.MapFunction<Echo>();
            api.MapFunction<Gated>();
            api.MapFunction<Slow>();
            api.MapFunction<Fails>();
            api.MapFunction<CreateWidget>();
            api.MapFunction<FindWidget>();
        });
        await app.StartAsync();
        return new FunctionsTestHost(app, directory);
    }

    public async ValueTask DisposeAsync()
    {
        // Let held requests finish, or stopping would wait for them.
        Get<FunctionGate>().Release();
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        directory.Delete(recursive: true);
    }
}
