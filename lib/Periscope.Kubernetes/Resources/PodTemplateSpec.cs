namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 PodTemplateSpec, the pod template of every workload kind.</summary>
internal sealed class PodTemplateSpec
{
    public ObjectMeta? Metadata { get; set; }

    public PodSpec? Spec { get; set; }
}
