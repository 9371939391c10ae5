namespace Periscope.Functions.AlertRules;

/// <summary>
/// What became of the rendered rules after a change: the rule file written (its path), Prometheus reloaded, the
/// PrometheusRule applied — each null when not configured — and what failed. The rule is stored either way; the
/// next change or start-up renders everything again.
/// </summary>
internal sealed record AlertRulePublication(string? RuleFile, bool? PrometheusReloaded, bool? AppliedToCluster, IReadOnlyList<string> Errors);
