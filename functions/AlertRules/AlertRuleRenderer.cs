using System.Globalization;

namespace Periscope.Functions.AlertRules;

/// <summary>Turns a validated <see cref="AlertRule"/> into the Prometheus alerting rule that evaluates it.</summary>
internal static class AlertRuleRenderer
{
    /// <summary>The label every rendered alert carries with its rule's name, so an alert leads back to its rule.</summary>
    public const string RuleLabel = "periscope_rule";

    /// <summary>The label naming a node when none is configured: kube-prometheus relabels node_exporter's <c>instance</c> to the node.</summary>
    public const string DefaultNodeLabel = "instance";

    /// <param name="rule">A validated rule.</param>
    /// <param name="nodeLabel">The label naming a node on node_exporter series (<c>Monitoring:NodeLabel</c>), as the monitoring functions use it.</param>
    public static RenderedAlertRule Render(AlertRule rule, string nodeLabel = DefaultNodeLabel)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var watched = MetricTemplates.Expression(rule.Target, rule.Metric, SeriesMatchers.From(rule.Selector, nodeLabel), nodeLabel)
            ?? throw new InvalidOperationException($"Target '{rule.Target}' has no metric '{rule.Metric}'.");
        var expr = $"({watched}) {rule.Comparison} {rule.Threshold.ToString("R", CultureInfo.InvariantCulture)}";

        var labels = new List<KeyValuePair<string, string>>
        {
            new(RuleLabel, rule.Name),
            new("severity", rule.Severity),
        };
        if (rule.Selector.Namespace is { } ns)
        {
            labels.Add(new("namespace", ns));
        }

        var annotations = new List<KeyValuePair<string, string>>
        {
            new("summary", rule.Summary ?? DefaultSummary(rule, nodeLabel)),
        };
        if (rule.Description is { } description)
        {
            annotations.Add(new("description", description));
        }

        if (rule.RunbookUrl is { } runbook)
        {
            annotations.Add(new("runbook_url", runbook));
        }

        return new RenderedAlertRule(AlertName(rule.Name), expr, rule.For, labels, annotations);
    }

    /// <summary>
    /// Prometheus requires alert names to be valid metric names (<c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, rulefmt's check);
    /// RFC 1123 names have '-' and may start with a digit. '-' → '_' is one-to-one because the names have no '_'.
    /// </summary>
    public static string AlertName(string ruleName)
    {
        var name = ruleName.Replace('-', '_');
        return char.IsAsciiDigit(name[0]) ? "rule_" + name : name;
    }

    private static string DefaultSummary(AlertRule rule, string nodeLabel)
    {
        var word = rule.Comparison == AlertRuleVocabulary.Above ? "above" : "below";
        var threshold = AlertRuleVocabulary.IsRatio(rule.Metric)
            ? (rule.Threshold * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%"
            : rule.Threshold.ToString("R", CultureInfo.InvariantCulture);
        return $"{MetricTemplates.Subject(rule.Target, nodeLabel)}: {rule.Metric} {MetricTemplates.Value(rule.Metric)}, {word} {threshold} for {rule.For} (rule {rule.Name}).";
    }
}
