namespace Periscope.Kubernetes.Resources;

/// <summary>Descriptors of the kinds Periscope uses (group, version and plural from the API reference).</summary>
internal static class KubernetesResources
{
    private static KubernetesJsonContext Json => KubernetesJsonContext.Default;

    public static ResourceDescriptor<Namespace> Namespaces { get; } =
        new("", "v1", "Namespace", "namespaces", false, Json.Namespace, Json.ResourceListNamespace);

    public static ResourceDescriptor<Pod> Pods { get; } =
        new("", "v1", "Pod", "pods", true, Json.Pod, Json.ResourceListPod);

    public static ResourceDescriptor<Service> Services { get; } =
        new("", "v1", "Service", "services", true, Json.Service, Json.ResourceListService);

    public static ResourceDescriptor<EndpointSlice> EndpointSlices { get; } =
        new("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true, Json.EndpointSlice, Json.ResourceListEndpointSlice);

    public static ResourceDescriptor<Deployment> Deployments { get; } =
        new("apps", "v1", "Deployment", "deployments", true, Json.Deployment, Json.ResourceListDeployment);

    public static ResourceDescriptor<ReplicaSet> ReplicaSets { get; } =
        new("apps", "v1", "ReplicaSet", "replicasets", true, Json.ReplicaSet, Json.ResourceListReplicaSet);

    public static ResourceDescriptor<StatefulSet> StatefulSets { get; } =
        new("apps", "v1", "StatefulSet", "statefulsets", true, Json.StatefulSet, Json.ResourceListStatefulSet);

    public static ResourceDescriptor<DaemonSet> DaemonSets { get; } =
        new("apps", "v1", "DaemonSet", "daemonsets", true, Json.DaemonSet, Json.ResourceListDaemonSet);

    public static ResourceDescriptor<Node> Nodes { get; } =
        new("", "v1", "Node", "nodes", false, Json.Node, Json.ResourceListNode);

    public static ResourceDescriptor<Event> Events { get; } =
        new("", "v1", "Event", "events", true, Json.Event, Json.ResourceListEvent);

    public static ResourceDescriptor<MutatingWebhookConfiguration> MutatingWebhookConfigurations { get; } =
        new("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", false, Json.MutatingWebhookConfiguration, Json.ResourceListMutatingWebhookConfiguration);

    public static ResourceDescriptor<Secret> Secrets { get; } =
        new("", "v1", "Secret", "secrets", true, Json.Secret, Json.ResourceListSecret);

    public static ResourceDescriptor<ConfigMap> ConfigMaps { get; } =
        new("", "v1", "ConfigMap", "configmaps", true, Json.ConfigMap, Json.ResourceListConfigMap);
}
