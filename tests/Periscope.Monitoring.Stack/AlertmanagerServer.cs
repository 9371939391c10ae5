using System.Net.Http.Json;

namespace Periscope.Monitoring.Stack;

/// <summary>
/// prometheus-alertmanager on a free loopback port with a temporary storage directory, a generated
/// alertmanager.yml (one webhook receiver) and gossip disabled (<c>--cluster.listen-address=</c>: an
/// empty address turns clustering off, per <c>prometheus-alertmanager --help</c>).
/// </summary>
public sealed class AlertmanagerServer : IAsyncDisposable
{
    private readonly StackProcess _process;
    private readonly DirectoryInfo _directory;

    private AlertmanagerServer(StackProcess process, DirectoryInfo directory)
    {
        _process = process;
        _directory = directory;
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseAddress => _process.BaseAddress;

    /// <summary>The generated alertmanager.yml (JSON, which YAML parsers read).</summary>
    public string ConfigFile => Path.Combine(_directory.FullName, "alertmanager.yml");

    /// <summary>The last lines Alertmanager wrote.</summary>
    public string Output => _process.Output;

    public static async Task<AlertmanagerServer> StartAsync(AlertmanagerSetup setup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var binary = StackBinaries.Require(StackBinaries.Alertmanager, "prometheus-alertmanager");
        var directory = Directory.CreateTempSubdirectory("periscope-alertmanager-");
        try
        {
            var config = Path.Combine(directory.FullName, "alertmanager.yml");
            StackConfigFile.Write(config, AlertmanagerConfig.Render(setup));
            var process = await StackProcess.StartAsync(
                "prometheus-alertmanager",
                binary,
                port =>
                [
                    $"--config.file={config}",
                    $"--storage.path={Path.Combine(directory.FullName, "data")}",
                    $"--web.listen-address=127.0.0.1:{port}",
                    "--cluster.listen-address=",
                ],
                "-/ready",
                TimeSpan.FromSeconds(20),
                cancellationToken);
            return new AlertmanagerServer(process, directory);
        }
        catch
        {
            StackDirectory.TryDelete(directory);
            throw;
        }
    }

    /// <summary>POST /api/v2/alerts: alerts as if a Prometheus had sent them (for storm tests).</summary>
    public async Task PostAlertsAsync(IEnumerable<AlertmanagerAlert> alerts, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, "api/v2/alerts"))
        {
            Content = JsonContent.Create(alerts.ToArray()),
        };
        await StackHttp.SendAsync(request, "alertmanager", cancellationToken);
    }

    /// <summary>GET of any API path relative to <see cref="BaseAddress"/> (e.g. "api/v2/alerts", "api/v2/silences").</summary>
    public async Task<string> GetJsonAsync(string relativeUrl, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, relativeUrl));
        return await StackHttp.SendAsync(request, "alertmanager", cancellationToken);
    }

    /// <summary>Rewrites alertmanager.yml from <paramref name="setup"/> and POSTs /-/reload.</summary>
    public async Task ReloadAsync(AlertmanagerSetup setup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        StackConfigFile.Write(ConfigFile, AlertmanagerConfig.Render(setup));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, "-/reload"));
        await StackHttp.SendAsync(request, "alertmanager", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        StackDirectory.TryDelete(_directory);
    }
}
