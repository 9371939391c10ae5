namespace Periscope.Functions.Monitoring;

/// <summary>One mounted filesystem: size, available to unprivileged users, used (size − available), and used / size.</summary>
internal sealed record FilesystemView(string MountPoint, string Device, string FsType, double? SizeBytes, double? AvailableBytes, double? UsedBytes, double? UsedRatio);
