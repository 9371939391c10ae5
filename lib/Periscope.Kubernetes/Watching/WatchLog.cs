using Microsoft.Extensions.Logging;

namespace Periscope.Kubernetes.Watching;

internal static partial class WatchLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Watch of {Path} listed {Count} objects at resourceVersion {ResourceVersion}")]
    public static partial void Listed(ILogger logger, string path, int count, string? resourceVersion);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Watch of {Path} from resourceVersion {ResourceVersion} is too old (410 Gone); listing again")]
    public static partial void Expired(ILogger logger, string path, string? resourceVersion);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Watch of {Path} failed; retrying from resourceVersion {ResourceVersion} in {Delay}")]
    public static partial void Failed(ILogger logger, Exception exception, string path, string? resourceVersion, TimeSpan delay);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Debug, Message = "Watch of {Path} ended; resuming from resourceVersion {ResourceVersion}")]
    public static partial void Ended(ILogger logger, string path, string? resourceVersion);
}
