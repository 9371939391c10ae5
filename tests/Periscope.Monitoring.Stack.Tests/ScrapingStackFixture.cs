namespace Periscope.Monitoring.Stack.Tests;

/// <summary>
/// node_exporter → Prometheus (one always-firing rule) → Alertmanager → a webhook receiver, started once per
/// test class: Prometheus's discovery hands over targets only every 5 s, a cost worth paying once.
/// </summary>
public sealed class ScrapingStackFixture : IAsyncLifetime
{
    private readonly string _rules = Path.Combine(Path.GetTempPath(), $"periscope-stack-rules-{Guid.NewGuid():N}.yml");

    public NodeExporterServer Node { get; private set; } = null!;

    internal WebhookReceiver Receiver { get; private set; } = null!;

    public AlertmanagerServer Alertmanager { get; private set; } = null!;

    public PrometheusServer Prometheus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_rules, "groups: [{name: g, rules: [{alert: AlwaysFiring, expr: vector(1), labels: {severity: critical}}]}]");
        Node = await NodeExporterServer.StartAsync();
        Receiver = await WebhookReceiver.StartAsync();
        Alertmanager = await AlertmanagerServer.StartAsync(new AlertmanagerSetup(Receiver.Url) { BearerToken = "t" });
        Prometheus = await PrometheusServer.StartAsync(new PrometheusSetup
        {
            ScrapeTargets = [new ScrapeTarget("node", Node.MetricsAddress)],
            RuleFiles = [_rules],
            Alertmanagers = [Alertmanager.BaseAddress],
            ExternalLabels = new Dictionary<string, string> { ["cluster"] = "test" },
        });
    }

    public async Task DisposeAsync()
    {
        await Prometheus.DisposeAsync();
        await Alertmanager.DisposeAsync();
        await Receiver.DisposeAsync();
        await Node.DisposeAsync();
        File.Delete(_rules);
    }
}
