namespace Periscope.Kubernetes.Resources;

/// <summary>A list response (PodList, ServiceList, …): the same shape for every kind.</summary>
internal sealed class ResourceList<T>
    where T : KubernetesObject
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public ListMeta Metadata { get; set; } = new();

    public List<T> Items { get; set; } = [];
}
