namespace Periscope.Kubernetes.Resources;

/// <summary>meta/v1 OwnerReference: who owns an object (a Pod's ReplicaSet, a ReplicaSet's Deployment).</summary>
internal sealed class OwnerReference
{
    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Name { get; set; } = "";

    public string Uid { get; set; } = "";

    public bool? Controller { get; set; }

    public bool? BlockOwnerDeletion { get; set; }
}
