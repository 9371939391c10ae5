namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 ConfigMap.</summary>
internal sealed class ConfigMap : KubernetesObject
{
    public Dictionary<string, string>? Data { get; set; }

    public Dictionary<string, byte[]>? BinaryData { get; set; }

    public bool? Immutable { get; set; }
}
