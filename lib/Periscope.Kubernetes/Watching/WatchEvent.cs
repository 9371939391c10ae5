using Periscope.Kubernetes.Resources;

namespace Periscope.Kubernetes.Watching;

/// <summary>One change; <see cref="Object"/> is null only for <see cref="WatchEventType.Synced"/>.</summary>
internal sealed record WatchEvent<T>(WatchEventType Type, T? Object, string? ResourceVersion)
    where T : KubernetesObject;
