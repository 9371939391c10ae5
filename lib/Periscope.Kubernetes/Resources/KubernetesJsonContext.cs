using System.Text.Json.Serialization;

namespace Periscope.Kubernetes.Resources;

/// <summary>
/// Source-generated serialization for the modelled kinds. Kubernetes JSON is camelCase and omits
/// unset optional fields (API conventions, "Optional vs. Required"), so nulls are not written.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Status))]
[JsonSerializable(typeof(Namespace))]
[JsonSerializable(typeof(ResourceList<Namespace>))]
[JsonSerializable(typeof(Pod))]
[JsonSerializable(typeof(ResourceList<Pod>))]
[JsonSerializable(typeof(Service))]
[JsonSerializable(typeof(ResourceList<Service>))]
[JsonSerializable(typeof(EndpointSlice))]
[JsonSerializable(typeof(ResourceList<EndpointSlice>))]
[JsonSerializable(typeof(Deployment))]
[JsonSerializable(typeof(ResourceList<Deployment>))]
[JsonSerializable(typeof(ReplicaSet))]
[JsonSerializable(typeof(ResourceList<ReplicaSet>))]
[JsonSerializable(typeof(StatefulSet))]
[JsonSerializable(typeof(ResourceList<StatefulSet>))]
[JsonSerializable(typeof(DaemonSet))]
[JsonSerializable(typeof(ResourceList<DaemonSet>))]
[JsonSerializable(typeof(Node))]
[JsonSerializable(typeof(ResourceList<Node>))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(ResourceList<Event>))]
[JsonSerializable(typeof(MutatingWebhookConfiguration))]
[JsonSerializable(typeof(ResourceList<MutatingWebhookConfiguration>))]
[JsonSerializable(typeof(Secret))]
[JsonSerializable(typeof(ResourceList<Secret>))]
[JsonSerializable(typeof(ConfigMap))]
[JsonSerializable(typeof(ResourceList<ConfigMap>))]
[JsonSerializable(typeof(DeleteOptionsBody))]
internal sealed partial class KubernetesJsonContext : JsonSerializerContext;
