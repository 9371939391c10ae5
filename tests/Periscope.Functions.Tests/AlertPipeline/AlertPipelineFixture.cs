using System.Diagnostics;
using Periscope.Functions.Tests.Hosting;
using Periscope.Functions.Tests.Notifications.Doubles;
using Periscope.Monitoring.Stack;

namespace Periscope.Functions.Tests.AlertPipeline;

/// <summary>
/// The whole alert path on loopback, started once for the class: node_exporter, Prometheus (scraping it, reading the
/// rule file the functions host writes, sending to Alertmanager), Alertmanager (webhook to the host with a bearer
/// token), the functions host as Program.cs builds it, and a <see cref="RobotReceiver"/> standing in for the robots.
/// </summary>
/// <remarks>
/// Start order follows who needs whose address:
/// 1. robots, node_exporter and Alertmanager (with a placeholder webhook) together;
/// 2. Prometheus, whose work directory holds the rule file;
/// 3. the functions host, given Prometheus's URL and that rule file;
/// 4. Prometheus reloaded to read the rule file, Alertmanager reloaded to send to the host;
/// 5. wait until node_exporter is scraped and Alertmanager discovered (discovery batches updates every 5 s, so an
///    alert firing earlier would be dropped until the next resend).
/// </remarks>
public sealed class AlertPipelineFixture : IAsyncLifetime
{
    public const string AdminKey = "pipeline-tests-bootstrap-key-0123456789ab";
    public const string ReceiverToken = "pipeline-tests-receiver-token-0123456789";
    public const string DingTalkSecret = "SECpipeline-dingtalk-secret-0001";
    public const string FeishuSecret = "pipeline-feishu-secret-0002";

    internal NodeExporterServer NodeExporter { get; private set; } = null!;

    internal PrometheusServer Prometheus { get; private set; } = null!;

    internal AlertmanagerServer Alertmanager { get; private set; } = null!;

    internal FunctionsTestServer Server { get; private set; } = null!;

    internal RobotReceiver Robots { get; private set; } = null!;

    /// <summary>An Admin key: rules need Operator, channels Admin.</summary>
    public HttpClient Client { get; private set; } = new();

    /// <summary>Alertmanager's credential, as its http_config presents it.</summary>
    public HttpClient AlertmanagerClient { get; private set; } = new();

    /// <summary>The rule file Prometheus reads and the host writes.</summary>
    public string RuleFile { get; private set; } = "";

    /// <summary>node_exporter's <c>instance</c> label as Prometheus sets it (host:port of the target).</summary>
    public string Instance => $"{NodeExporter.BaseAddress.Host}:{NodeExporter.BaseAddress.Port}";

    /// <summary>How long the start took, for the tests to print.</summary>
    public TimeSpan StartTime { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();

        // 1.
        var robots = RobotReceiver.StartAsync();
        var nodeExporter = NodeExporterServer.StartAsync();
        var alertmanager = AlertmanagerServer.StartAsync(new AlertmanagerSetup(new Uri("http://127.0.0.1:9/unused")));
        await Task.WhenAll(robots, nodeExporter, alertmanager);
        (Robots, NodeExporter, Alertmanager) = (await robots, await nodeExporter, await alertmanager);
        Robots.DingTalkSecret = DingTalkSecret;
        Robots.FeishuSecret = FeishuSecret;

        // 2.
        var setup = new PrometheusSetup
        {
            ScrapeTargets = [new ScrapeTarget("node-exporter", NodeExporter.MetricsAddress)],
            Alertmanagers = [Alertmanager.BaseAddress],
        };
        Prometheus = await PrometheusServer.StartAsync(setup);
        RuleFile = Path.Combine(Prometheus.WorkDirectory, "rules", "periscope.yml");

        // 3.
        Server = await FunctionsTestServer.StartAsync(
        [
            "--Catalog:ReportToken=pipeline-tests-report-token-0123456789",
            $"--Access:BootstrapKey={AdminKey}",
            "--Access:RateLimit:PermitsPerSecond=0",
            $"--Alerts:Receiver:BearerToken={ReceiverToken}",
            $"--Alerts:AlertmanagerUrl={Alertmanager.BaseAddress}",
            $"--Monitoring:PrometheusUrl={Prometheus.BaseAddress}",
            $"--AlertRules:RuleFilePath={RuleFile}",
            "--AlertRules:ReloadPrometheus=true",
            "--Notifications:InitialBackoff=00:00:00.010",
            "--Notifications:MaxBackoff=00:00:00.050",
            "--Notifications:PollInterval=00:00:00.100",
            "--Notifications:MessagesPerWindow=1000",
        ]);
        Client = Server.CreateClient(AdminKey);
        AlertmanagerClient = Server.CreateClient(ReceiverToken);

        // 4. The host writes the (empty) rule file as it starts, so Prometheus finds it on this reload.
        await Eventually.TrueAsync(() => File.Exists(RuleFile), "the host wrote its rule file at start");
        await Prometheus.ReloadAsync(setup with { RuleFiles = [RuleFile] });
        await Alertmanager.ReloadAsync(new AlertmanagerSetup(new Uri(Server.BaseAddress, "/api/alerts/alertmanager"))
        {
            BearerToken = ReceiverToken,
            GroupWait = TimeSpan.FromMilliseconds(100),
            GroupInterval = TimeSpan.FromMilliseconds(500),

            // Short, so Alertmanager itself repeats a firing group while a test watches (dedup_stage's needsUpdate).
            RepeatInterval = TimeSpan.FromSeconds(1),
        });

        // 5.
        await Task.WhenAll(Prometheus.WaitForTargetsUpAsync(), Prometheus.WaitForAlertmanagersAsync());
        StartTime = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        AlertmanagerClient.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        if (Prometheus is not null)
        {
            await Prometheus.DisposeAsync();
        }

        if (Alertmanager is not null)
        {
            await Alertmanager.DisposeAsync();
        }

        if (NodeExporter is not null)
        {
            await NodeExporter.DisposeAsync();
        }

        if (Robots is not null)
        {
            await Robots.DisposeAsync();
        }
    }
}
