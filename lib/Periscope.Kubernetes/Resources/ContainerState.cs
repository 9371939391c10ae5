namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 ContainerState: exactly one of the three is set.</summary>
internal sealed class ContainerState
{
    public ContainerStateDetail? Waiting { get; set; }

    public ContainerStateDetail? Running { get; set; }

    public ContainerStateDetail? Terminated { get; set; }
}
