namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 EventSource.</summary>
internal sealed class EventSource
{
    public string? Component { get; set; }

    public string? Host { get; set; }
}
