using Periscope.Sidecar.Forwarding;

namespace Periscope.Sidecar.Inbound;

/// <summary>Event ids 3400–3499: the inbound port.</summary>
internal static partial class InboundLog
{
    [LoggerMessage(3400, LogLevel.Warning, "Forwarding to the app failed ({Error}); answered {Status}: {Message}")]
    public static partial void AppCallFailed(this ILogger logger, ForwardError error, int status, string message);

    [LoggerMessage(3401, LogLevel.Warning, "The app failed after its answer had started ({Error}): {Message}; the client's connection was cut")]
    public static partial void AppFailedMidResponse(this ILogger logger, ForwardError error, string? message);
}
