namespace Periscope.Kubernetes.Resources;

/// <summary>meta/v1 StatusCause, e.g. reason FieldValueRequired on field spec.containers[0].name.</summary>
internal sealed class StatusCause
{
    public string? Reason { get; set; }

    public string? Message { get; set; }

    public string? Field { get; set; }
}
