namespace Periscope.Functions.AlertRules;

/// <summary>The Prometheus alerting rule a threshold rule becomes, in the API's JSON.</summary>
internal sealed record RenderedRuleView(
    string Alert, string Expr, string For, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations)
{
    public static RenderedRuleView From(RenderedAlertRule rule) => new(
        rule.Alert, rule.Expr, rule.For, new Dictionary<string, string>(rule.Labels), new Dictionary<string, string>(rule.Annotations));
}
