namespace Periscope.Sidecar.Forwarding;

/// <summary>The forwarder's log messages; event ids 3200–3299 are theirs and stay stable.</summary>
internal static partial class ForwardingLog
{
    // Debug: the caller answers the client (502/504) and counts the failure; this adds the cause.
    [LoggerMessage(3200, LogLevel.Debug, "{Method} {Destination}: {Error} after {RequestBytes} request bytes")]
    public static partial void ForwardFailed(this ILogger logger, Exception? exception, string method, Uri destination, ForwardError error, long requestBytes);

    [LoggerMessage(3201, LogLevel.Information, "{Method} {Destination}: the response broke off after {ResponseBytes} bytes ({Error}); cutting the client's connection so it sees the failure")]
    public static partial void ResponseBrokeOff(this ILogger logger, Exception? exception, string method, Uri destination, long responseBytes, ForwardError error);
}
