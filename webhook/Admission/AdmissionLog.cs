namespace Periscope.Webhook.Admission;

internal static partial class AdmissionLog
{
    [LoggerMessage(5200, LogLevel.Information, "Injected the sidecar into pod {Pod} in namespace {Namespace}: {Reason} (review {Uid}, {WarningCount} warnings)")]
    public static partial void Injected(ILogger logger, string pod, string @namespace, string reason, string uid, int warningCount);

    [LoggerMessage(5201, LogLevel.Information, "Left pod {Pod} in namespace {Namespace} without the sidecar: {Reason} (review {Uid})")]
    public static partial void Skipped(ILogger logger, string pod, string @namespace, string reason, string uid);

    [LoggerMessage(5202, LogLevel.Debug, "Allowed {Operation} of {Kind} {Name} in namespace {Namespace} unchanged: {Reason} (review {Uid})")]
    public static partial void NotPod(ILogger logger, string operation, string kind, string name, string @namespace, string reason, string uid);

    [LoggerMessage(5203, LogLevel.Error, "Injection failed for pod {Pod} in namespace {Namespace}; allowed it without the sidecar (review {Uid})")]
    public static partial void Failed(ILogger logger, Exception exception, string pod, string @namespace, string uid);

    [LoggerMessage(5204, LogLevel.Warning, "Refused a request to /mutate ({Reason}): {Detail}")]
    public static partial void Malformed(ILogger logger, string reason, string detail);

    [LoggerMessage(5205, LogLevel.Information, "Pod {Pod} in namespace {Namespace}: {Warning}")]
    public static partial void Warning(ILogger logger, string pod, string @namespace, string warning);
}
