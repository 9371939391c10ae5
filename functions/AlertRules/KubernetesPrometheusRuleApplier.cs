using Periscope.Kubernetes.Client;
using Periscope.Kubernetes.Resources;

namespace Periscope.Functions.AlertRules;

/// <summary>
/// Applies the PrometheusRule with server-side apply (kubernetes.io/docs/reference/using-api/server-side-apply/):
/// one PATCH creates it or replaces the fields this manager owns, so rules removed from the store leave the object
/// too, and <c>force</c> takes over fields a person edited with kubectl, since the store is the source of truth.
/// </summary>
internal sealed class KubernetesPrometheusRuleApplier(KubernetesClient client) : IPrometheusRuleApplier
{
    public const string FieldManager = "periscope-alert-rules";

    /// <summary>The Prometheus Operator's CRD (prometheus-operator.dev/docs/api-reference/api/#monitoring.coreos.com/v1.PrometheusRule).</summary>
    public static ResourceDescriptor<PrometheusRuleObject> PrometheusRules { get; } = new(
        "monitoring.coreos.com", "v1", "PrometheusRule", "prometheusrules", namespaced: true,
        AlertRulesKubernetesJsonContext.Default.PrometheusRuleObject, AlertRulesKubernetesJsonContext.Default.ResourceListPrometheusRuleObject);

    public async Task ApplyAsync(string name, string ns, string yaml, CancellationToken cancellationToken) =>
        await client.PatchAsync(PrometheusRules, name, ns, PatchType.Apply, yaml, new PatchOptions { FieldManager = FieldManager, Force = true }, cancellationToken);
}
