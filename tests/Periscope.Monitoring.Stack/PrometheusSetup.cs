namespace Periscope.Monitoring.Stack;

/// <summary>What the generated prometheus.yml says. Defaults suit tests: 1 s scrapes and rule evaluation.</summary>
public sealed record PrometheusSetup
{
    public TimeSpan ScrapeInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan EvaluationInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// <c>--rules.alert.resend-delay</c> (default 1 m in Prometheus). Short, because an alert that fires
    /// before Alertmanager is discovered (discovery batches updates every 5 s) is dropped and only re-sent
    /// after this delay. A flag: it takes effect on start, not on reload.
    /// </summary>
    public TimeSpan AlertResendDelay { get; init; } = TimeSpan.FromSeconds(1);

    public IReadOnlyList<ScrapeTarget> ScrapeTargets { get; init; } = [];

    /// <summary>rule_files: absolute paths or globs (Prometheus expands them on start and on reload).</summary>
    public IReadOnlyList<string> RuleFiles { get; init; } = [];

    /// <summary>Alertmanagers alerts are sent to (their base addresses, e.g. <see cref="AlertmanagerServer.BaseAddress"/>).</summary>
    public IReadOnlyList<Uri> Alertmanagers { get; init; } = [];

    /// <summary>global.external_labels, added to every alert sent to Alertmanager.</summary>
    public IReadOnlyDictionary<string, string> ExternalLabels { get; init; } = new Dictionary<string, string>();
}
