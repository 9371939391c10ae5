namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 ObjectReference, as in an Event's involvedObject or an endpoint's targetRef.</summary>
internal sealed class ObjectReference
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public string? Name { get; set; }

    public string? Namespace { get; set; }

    public string? Uid { get; set; }

    public string? FieldPath { get; set; }
}
