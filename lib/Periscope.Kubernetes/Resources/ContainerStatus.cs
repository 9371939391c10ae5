namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 ContainerStatus.</summary>
internal sealed class ContainerStatus
{
    public string Name { get; set; } = "";

    public bool Ready { get; set; }

    public int RestartCount { get; set; }

    public string? Image { get; set; }

    public bool? Started { get; set; }

    public ContainerState? State { get; set; }

    public ContainerState? LastState { get; set; }
}
