namespace Periscope.Kubernetes.Emulator.Resources;

/// <summary>The kinds the emulator serves; the set Periscope uses (issues 5 and 6).</summary>
internal static class ResourceCatalog
{
    public static readonly ResourceKind Namespaces = new("", "v1", "namespaces", "Namespace", false, true, true);
    public static readonly ResourceKind Pods = new("", "v1", "pods", "Pod", true, true, true);
    public static readonly ResourceKind MutatingWebhookConfigurations =
        new("admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", false, false, false);

    public static readonly IReadOnlyList<ResourceKind> All =
    [
        Namespaces,
        Pods,
        new("", "v1", "services", "Service", true, true, true),
        new("", "v1", "nodes", "Node", false, true, false),
        new("", "v1", "events", "Event", true, false, false),
        new("", "v1", "secrets", "Secret", true, false, false),
        new("", "v1", "configmaps", "ConfigMap", true, false, false),
        new("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true, false, false),
        new("apps", "v1", "deployments", "Deployment", true, true, false),
        new("apps", "v1", "replicasets", "ReplicaSet", true, true, false),
        new("apps", "v1", "statefulsets", "StatefulSet", true, true, false),
        new("apps", "v1", "daemonsets", "DaemonSet", true, true, false),
        MutatingWebhookConfigurations,

        // A custom resource (the Prometheus Operator's CRD, prometheus-operator.dev/docs/api-reference/api/#monitoring.coreos.com/v1.PrometheusRule),
        // stored like any other kind: threshold rules are applied as one (issue 6).
        new("monitoring.coreos.com", "v1", "prometheusrules", "PrometheusRule", true, false, false),
    ];

    public static ResourceKind? Find(string group, string version, string resource) =>
        All.FirstOrDefault(k => k.Group == group && k.Version == version && k.Resource == resource);

    public static IEnumerable<string> Groups => All.Select(k => k.Group).Where(g => g.Length > 0).Distinct();
}
