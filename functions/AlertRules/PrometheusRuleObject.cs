using System.Text.Json;
using Periscope.Kubernetes.Resources;

namespace Periscope.Functions.AlertRules;

/// <summary>A monitoring.coreos.com/v1 PrometheusRule as the API returns it; only applied whole, so its spec stays JSON.</summary>
internal sealed class PrometheusRuleObject : KubernetesObject
{
    public JsonElement? Spec { get; set; }
}
