namespace Periscope.Functions.Notifications;

/// <summary>Source-generated log messages of the notifications feature (event ids 6100–6199).</summary>
internal static partial class NotificationLog
{
    [LoggerMessage(6100, LogLevel.Debug, "Queued {Count} notification(s) for group {GroupKey}.")]
    public static partial void Queued(ILogger logger, int count, string groupKey);

    [LoggerMessage(6101, LogLevel.Information, "Delivered a message of {Alerts} alert(s) from {Notices} notice(s) to channel {Channel} in {LatencyMs:0} ms.")]
    public static partial void Delivered(ILogger logger, string channel, int alerts, int notices, double latencyMs);

    [LoggerMessage(6102, LogLevel.Warning, "Attempt {Attempt} to channel {Channel} failed ({Status}, errcode {ErrCode}): {Error}; retrying in {Delay}.")]
    public static partial void Retrying(ILogger logger, string channel, int attempt, int? status, long? errCode, string? error, TimeSpan delay);

    [LoggerMessage(6103, LogLevel.Error, "Gave up on a message to channel {Channel} after attempt {Attempt} ({Status}, errcode {ErrCode}): {Error}")]
    public static partial void GaveUp(ILogger logger, string channel, int attempt, int? status, long? errCode, string? error);

    [LoggerMessage(6104, LogLevel.Error, "The notification dispatcher failed; it tries again shortly.")]
    public static partial void DispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(6105, LogLevel.Information, "Deleted {Count} finished notification deliveries.")]
    public static partial void Retained(ILogger logger, int count);
}
