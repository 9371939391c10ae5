namespace Periscope.Functions.Monitoring;

/// <summary>One disk's completed reads and writes per second (IOPS) and bytes per second, over the rate window.</summary>
internal sealed record DiskView(string Device, double? ReadsPerSecond, double? WritesPerSecond, double? ReadBytesPerSecond, double? WrittenBytesPerSecond);
