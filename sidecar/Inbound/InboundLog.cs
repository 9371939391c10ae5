using Periscope.Sidecar.Forwarding;

namespace Periscope.Sidecar.Inbound;

/// <summary>Event ids 3000–3099: the inbound port.</summary>
internal static partial class InboundLog
{
    [LoggerMessage(3000, LogLevel.Warning, "Forwarding to the app failed ({Error}); answered {Status}: {Message}")]
    public static partial void AppCallFailed(this ILogger logger, ForwardError error, int status, string message);

    [LoggerMessage(3001, LogLevel.Warning, "The app failed after its answer had started ({Error}): {Message}; the client's connection was cut")]
    public static partial void AppFailedMidResponse(this ILogger logger, ForwardError error, string? message);
}
