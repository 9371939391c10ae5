using Periscope.Sidecar.Forwarding;

namespace Periscope.Sidecar.Invocation;

/// <summary>Event ids 3100–3199: the Dapr port and service invocation.</summary>
internal static partial class InvocationLog
{
    [LoggerMessage(3100, LogLevel.Warning, "Invoking {Target} failed ({Error}); answered {Status}: {Message}")]
    public static partial void InvocationFailed(this ILogger logger, string target, ForwardError error, int status, string message);

    [LoggerMessage(3101, LogLevel.Warning, "{Target} failed after its answer had started ({Error}): {Message}; the caller's connection was cut")]
    public static partial void InvocationFailedMidResponse(this ILogger logger, string target, ForwardError error, string? message);

    [LoggerMessage(3102, LogLevel.Warning, "Endpoint {Endpoint} of {Target} refused the connection; out of rotation for {Period}")]
    public static partial void EndpointOutOfRotation(this ILogger logger, string endpoint, string target, TimeSpan period);

    [LoggerMessage(3103, LogLevel.Debug, "Retrying {Method} to {Target} on another endpoint after {Endpoint} refused the connection")]
    public static partial void RetryingElsewhere(this ILogger logger, string method, string target, string endpoint);

    [LoggerMessage(3104, LogLevel.Warning, "Cannot ask the catalog about {Target} ({Problem}); using the endpoints it listed {Age} ago")]
    public static partial void ServingStaleEndpoints(this ILogger logger, string target, string problem, TimeSpan age);

    [LoggerMessage(3105, LogLevel.Warning, "Cannot resolve {Target}: {Problem}")]
    public static partial void CannotResolve(this ILogger logger, string target, string problem);

    [LoggerMessage(3106, LogLevel.Debug, "Invocation of {Target} refused: {Status} {Message}")]
    public static partial void InvocationRefused(this ILogger logger, string target, int status, string message);
}
