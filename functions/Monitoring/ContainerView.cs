namespace Periscope.Functions.Monitoring;

/// <summary>One container now: CPU cores, working set bytes, filesystem read and write bytes per second, restarts, and readiness.</summary>
internal sealed record ContainerView(
    string Container,
    double? CpuCores,
    double? MemoryWorkingSetBytes,
    double? FsReadBytesPerSecond,
    double? FsWriteBytesPerSecond,
    double? Restarts,
    bool? Ready);
