namespace Periscope.Functions.Monitoring;

/// <summary>One node now: CPU, memory, filesystems, disks and network. A figure Prometheus does not have is null; a device it has none of is an empty list.</summary>
internal sealed record NodeView(
    string Node,
    NodeCpuView Cpu,
    NodeMemoryView Memory,
    IReadOnlyList<FilesystemView> Filesystems,
    IReadOnlyList<DiskView> Disks,
    IReadOnlyList<NetworkInterfaceView> Network);
