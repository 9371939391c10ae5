namespace Periscope.Sidecar.Discovery;

/// <summary>Discovery's log messages; event ids 1000–1099 are theirs and stay stable.</summary>
internal static partial class DiscoveryLog
{
    [LoggerMessage(1000, LogLevel.Information, "Watching app {AppId} at {AppUrl} for an OpenAPI document at {Paths}")]
    public static partial void WatchingApp(this ILogger logger, string appId, Uri appUrl, string paths);

    [LoggerMessage(1001, LogLevel.Information, "The app at {AppUrl} does not answer yet ({Detail}); asking again in {Delay}")]
    public static partial void AppUnreachable(this ILogger logger, Uri appUrl, string? detail, TimeSpan delay);

    [LoggerMessage(1002, LogLevel.Debug, "The app at {AppUrl} still does not answer ({Detail}); asking again in {Delay}")]
    public static partial void AppStillUnreachable(this ILogger logger, Uri appUrl, string? detail, TimeSpan delay);

    [LoggerMessage(1003, LogLevel.Information, "OpenAPI document at {SourcePath}: {Hash}, {Length} bytes, {ContentType}")]
    public static partial void DocumentObserved(this ILogger logger, string sourcePath, string hash, int length, string? contentType);

    [LoggerMessage(1004, LogLevel.Warning, "The app serves no OpenAPI document ({Detail}); reporting without one and looking again every {Interval}")]
    public static partial void NoDocument(this ILogger logger, string? detail, TimeSpan interval);

    [LoggerMessage(1005, LogLevel.Information, "The OpenAPI document at {SourcePath} is gone ({Detail}); looking for it again")]
    public static partial void DocumentLost(this ILogger logger, string sourcePath, string? detail);

    [LoggerMessage(1006, LogLevel.Warning, "{Path} answered with more than {Limit} bytes; ignoring it (see --max-document-size)")]
    public static partial void DocumentTooLarge(this ILogger logger, string path, long limit);

    [LoggerMessage(1007, LogLevel.Debug, "GET {Path}: {StatusCode}, {Status} {Detail}")]
    public static partial void Fetched(this ILogger logger, string path, int statusCode, FetchStatus status, string? detail);

    [LoggerMessage(1008, LogLevel.Error, "Discovery failed unexpectedly; trying again in {Delay}")]
    public static partial void DiscoveryFailed(this ILogger logger, Exception exception, TimeSpan delay);
}
