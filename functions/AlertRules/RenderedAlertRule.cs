namespace Periscope.Functions.AlertRules;

/// <summary>One Prometheus alerting rule (prometheus.io/docs/prometheus/latest/configuration/alerting_rules/): alert, expr, for, labels, annotations.</summary>
internal sealed record RenderedAlertRule(
    string Alert,
    string Expr,
    string For,
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    IReadOnlyList<KeyValuePair<string, string>> Annotations);
