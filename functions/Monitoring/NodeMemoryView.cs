namespace Periscope.Functions.Monitoring;

/// <summary>Memory and swap in bytes; used is total minus available (MemAvailable), the ratio is used / total.</summary>
internal sealed record NodeMemoryView(
    double? TotalBytes,
    double? AvailableBytes,
    double? UsedBytes,
    double? UsedRatio,
    double? SwapTotalBytes,
    double? SwapFreeBytes,
    double? SwapUsedBytes);
