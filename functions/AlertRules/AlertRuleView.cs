using System.Text.Json.Serialization;

namespace Periscope.Functions.AlertRules;

/// <summary>A rule as the API shows it, with the Prometheus rule it renders to; writes add <see cref="Publication"/>.</summary>
internal sealed record AlertRuleView(
    string Name,
    string Target,
    string Metric,
    AlertRuleSelector Selector,
    double Threshold,
    string Comparison,
    string For,
    string Severity,
    string? Summary,
    string? Description,
    string? RunbookUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? UpdatedBy,
    RenderedRuleView Rendered,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AlertRulePublication? Publication)
{
    /// <param name="rule">The stored rule.</param>
    /// <param name="nodeLabel">The label naming a node (<c>Monitoring:NodeLabel</c>), for the rendered rule.</param>
    /// <param name="publication">What publishing it did, after a change.</param>
    public static AlertRuleView From(AlertRule rule, string nodeLabel, AlertRulePublication? publication = null) => new(
        rule.Name, rule.Target, rule.Metric, rule.Selector, rule.Threshold, rule.Comparison, rule.For, rule.Severity,
        rule.Summary, rule.Description, rule.RunbookUrl, rule.CreatedAt, rule.UpdatedAt, rule.UpdatedBy,
        RenderedRuleView.From(AlertRuleRenderer.Render(rule, nodeLabel)), publication);
}
