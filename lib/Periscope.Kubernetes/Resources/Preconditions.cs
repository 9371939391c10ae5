namespace Periscope.Kubernetes.Resources;

/// <summary>meta/v1 Preconditions: delete only if the object still has this uid/resourceVersion.</summary>
internal sealed class Preconditions
{
    public string? Uid { get; set; }

    public string? ResourceVersion { get; set; }
}
