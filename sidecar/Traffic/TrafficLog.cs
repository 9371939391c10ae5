namespace Periscope.Sidecar.Traffic;

/// <summary>Traffic capture's log messages; event ids 3300–3399 are theirs (3000s inbound, 3100s invocation, 3200s forwarding) and stay stable.</summary>
internal static partial class TrafficLog
{
    [LoggerMessage(3300, LogLevel.Information, "Matching requests to {Count} operations of the app's document (path prefix '{PathPrefix}')")]
    public static partial void DocumentRead(this ILogger logger, int count, string pathPrefix);

    [LoggerMessage(3301, LogLevel.Warning, "The app's document gives no operations to match requests to ({Problem}); its traffic is recorded as inferred operations")]
    public static partial void DocumentUnreadable(this ILogger logger, string problem);

    [LoggerMessage(3302, LogLevel.Warning, "{Limit} inferred operations are tracked, the most allowed; requests to further undocumented paths are counted as unattributed")]
    public static partial void InferredLimitReached(this ILogger logger, int limit);
}
