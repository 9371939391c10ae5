namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 NodeSystemInfo.</summary>
internal sealed class NodeSystemInfo
{
    public string? KubeletVersion { get; set; }

    public string? OsImage { get; set; }

    public string? KernelVersion { get; set; }

    public string? ContainerRuntimeVersion { get; set; }

    public string? Architecture { get; set; }

    public string? OperatingSystem { get; set; }
}
