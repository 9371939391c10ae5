using System.Text.Json;
using System.Text.Json.Serialization;

namespace Periscope.Kubernetes.Resources;

/// <summary>
/// The spec fields Deployment, ReplicaSet, StatefulSet and DaemonSet share (apps/v1); the
/// kind-specific ones (strategy, serviceName, updateStrategy, …) round-trip in <see cref="ExtensionData"/>.
/// </summary>
internal sealed class WorkloadSpec
{
    public int? Replicas { get; set; }

    public LabelSelector? Selector { get; set; }

    public PodTemplateSpec? Template { get; set; }

    public bool? Paused { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
