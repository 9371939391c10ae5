namespace Periscope.Functions.Monitoring;

/// <summary>
/// One pod now: phase (kube-state-metrics), the sums of its containers' figures, its network (per pod in cAdvisor),
/// and its containers. CPU is in cores (CPU-seconds per second), memory is the working set.
/// </summary>
internal sealed record PodView(
    string Namespace,
    string Pod,
    string? Phase,
    double? CpuCores,
    double? MemoryWorkingSetBytes,
    double? NetworkReceiveBytesPerSecond,
    double? NetworkTransmitBytesPerSecond,
    double? Restarts,
    IReadOnlyList<ContainerView> Containers);
