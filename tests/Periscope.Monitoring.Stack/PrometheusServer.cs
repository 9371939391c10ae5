using System.Diagnostics;
using System.Text.Json;

namespace Periscope.Monitoring.Stack;

/// <summary>
/// Prometheus on a free loopback port with a temporary data directory and a generated prometheus.yml;
/// <c>--web.enable-lifecycle</c> so a test can rewrite the config or its rule files and reload.
/// HTTP API: prometheus.io/docs/prometheus/2.42/querying/api/.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly StackProcess _process;
    private readonly DirectoryInfo _directory;
    private PrometheusSetup _setup;

    private PrometheusServer(StackProcess process, DirectoryInfo directory, PrometheusSetup setup)
    {
        _process = process;
        _directory = directory;
        _setup = setup;
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseAddress => _process.BaseAddress;

    /// <summary>The generated prometheus.yml (JSON, which YAML parsers read).</summary>
    public string ConfigFile => Path.Combine(_directory.FullName, "prometheus.yml");

    /// <summary>A temporary directory removed on dispose: a place for the test's rule files.</summary>
    public string WorkDirectory => _directory.FullName;

    /// <summary>The last lines Prometheus wrote.</summary>
    public string Output => _process.Output;

    public static async Task<PrometheusServer> StartAsync(PrometheusSetup setup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var binary = StackBinaries.Require(StackBinaries.Prometheus, "prometheus");
        var directory = Directory.CreateTempSubdirectory("periscope-prometheus-");
        try
        {
            var config = Path.Combine(directory.FullName, "prometheus.yml");
            StackConfigFile.Write(config, PrometheusConfig.Render(setup));
            var process = await StackProcess.StartAsync(
                "prometheus",
                binary,
                port =>
                [
                    $"--config.file={config}",
                    $"--web.listen-address=127.0.0.1:{port}",
                    $"--storage.tsdb.path={Path.Combine(directory.FullName, "data")}",
                    $"--rules.alert.resend-delay={StackConfigFile.Duration(setup.AlertResendDelay)}",
                    "--web.enable-lifecycle",
                    "--web.enable-admin-api",
                ],
                "-/ready",
                TimeSpan.FromSeconds(30),
                cancellationToken);
            return new PrometheusServer(process, directory, setup);
        }
        catch
        {
            StackDirectory.TryDelete(directory);
            throw;
        }
    }

    /// <summary>
    /// POST /-/reload: re-reads prometheus.yml and the rule files. On failure the exception carries
    /// Prometheus's log, because the HTTP answer only says that "one or more errors occurred".
    /// </summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, "-/reload"));
        try
        {
            await StackHttp.SendAsync(request, "prometheus", cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new HttpRequestException($"{e.Message}\n{Output}", e, e.StatusCode);
        }
    }

    /// <summary>Rewrites prometheus.yml from <paramref name="setup"/> and reloads.</summary>
    public Task ReloadAsync(PrometheusSetup setup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        StackConfigFile.Write(ConfigFile, PrometheusConfig.Render(setup));
        _setup = setup;
        return ReloadAsync(cancellationToken);
    }

    /// <summary>
    /// Polls GET /api/v1/targets until every configured target is active with health "up"
    /// (the first scrape has succeeded), or fails at the deadline with the targets' last errors.
    /// </summary>
    public async Task WaitForTargetsUpAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        while (true)
        {
            var body = await GetJsonAsync("api/v1/targets?state=active", cancellationToken);
            using var document = JsonDocument.Parse(body);
            var targets = document.RootElement.GetProperty("data").GetProperty("activeTargets");
            if (targets.GetArrayLength() >= _setup.ScrapeTargets.Count
                && targets.EnumerateArray().All(target => target.GetProperty("health").GetString() == "up"))
            {
                return;
            }

            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException(
                    $"Prometheus targets were not all up within {limit.TotalSeconds:0.#} s: {body}\n{Output}");
            }

            await StackPolling.PauseAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Polls GET /api/v1/alertmanagers until every configured Alertmanager is active. Prometheus's
    /// discovery manager sends target updates at most every 5 s, so this takes up to about 5 s after start.
    /// </summary>
    public async Task WaitForAlertmanagersAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        while (true)
        {
            var body = await GetJsonAsync("api/v1/alertmanagers", cancellationToken);
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.GetProperty("data").GetProperty("activeAlertmanagers").GetArrayLength() >= _setup.Alertmanagers.Count)
            {
                return;
            }

            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException(
                    $"Prometheus did not discover its Alertmanagers within {limit.TotalSeconds:0.#} s: {body}\n{Output}");
            }

            await StackPolling.PauseAsync(cancellationToken);
        }
    }

    /// <summary>GET /api/v1/query (instant, now): the raw JSON answer.</summary>
    public Task<string> QueryAsync(string promql, CancellationToken cancellationToken = default) =>
        GetJsonAsync($"api/v1/query?query={Uri.EscapeDataString(promql)}", cancellationToken);

    /// <summary>GET of any API path relative to <see cref="BaseAddress"/> (e.g. "api/v1/rules"): the raw JSON.</summary>
    public async Task<string> GetJsonAsync(string relativeUrl, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, relativeUrl));
        return await StackHttp.SendAsync(request, "prometheus", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        StackDirectory.TryDelete(_directory);
    }
}
