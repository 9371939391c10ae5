namespace Periscope.Functions.AlertRules;

/// <summary>Puts a rendered PrometheusRule into the cluster, replacing the previous one.</summary>
internal interface IPrometheusRuleApplier
{
    Task ApplyAsync(string name, string ns, string yaml, CancellationToken cancellationToken);
}
