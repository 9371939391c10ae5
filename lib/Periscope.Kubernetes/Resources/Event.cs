namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 Event (the API kubectl describe reads).</summary>
internal sealed class Event : KubernetesObject
{
    public ObjectReference? InvolvedObject { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }

    /// <summary>"Normal" or "Warning".</summary>
    public string? Type { get; set; }

    public int? Count { get; set; }

    public DateTimeOffset? FirstTimestamp { get; set; }

    public DateTimeOffset? LastTimestamp { get; set; }

    public EventSource? Source { get; set; }
}
