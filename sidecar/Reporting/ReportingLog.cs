using Periscope.Catalog.Contracts;

namespace Periscope.Sidecar.Reporting;

/// <summary>Reporting's log messages; event ids 2000–2099 are theirs and stay stable.</summary>
internal static partial class ReportingLog
{
    [LoggerMessage(2000, LogLevel.Information, "Reporting to {ReportsUrl} as pod {Namespace}/{Pod}, heartbeat every {Interval}")]
    public static partial void ReportingTo(this ILogger logger, Uri reportsUrl, string @namespace, string pod, TimeSpan interval);

    [LoggerMessage(2001, LogLevel.Information, "The catalog took document {Hash}: {Outcome}, version {DocumentVersion}")]
    public static partial void DocumentAccepted(this ILogger logger, string hash, ReportOutcome? outcome, long? documentVersion);

    [LoggerMessage(2002, LogLevel.Debug, "Heartbeat for document {Hash}: {Outcome}")]
    public static partial void HeartbeatAccepted(this ILogger logger, string? hash, ReportOutcome? outcome);

    [LoggerMessage(2003, LogLevel.Information, "The catalog does not hold document {Hash}; sending it")]
    public static partial void DocumentRequired(this ILogger logger, string hash);

    [LoggerMessage(2004, LogLevel.Warning, "Cannot reach the catalog at {ReportsUrl} ({Detail}); trying again in {Delay}")]
    public static partial void CatalogUnreachable(this ILogger logger, Uri reportsUrl, string? detail, TimeSpan delay);

    [LoggerMessage(2005, LogLevel.Warning, "The catalog answered {StatusCode}; trying again in {Delay}")]
    public static partial void CatalogUnavailable(this ILogger logger, int? statusCode, TimeSpan delay);

    [LoggerMessage(2006, LogLevel.Error, "The catalog refused the sidecar's credentials ({StatusCode}: {Detail}); {TokenState}: check --catalog-token or PERISCOPE_CATALOG_TOKEN. Trying again in {Delay}")]
    public static partial void CredentialsRejected(this ILogger logger, int? statusCode, string? detail, string tokenState, TimeSpan delay);

    [LoggerMessage(2007, LogLevel.Error, "The catalog rejected the report ({StatusCode}: {Detail}); trying again in {Delay}")]
    public static partial void ReportRejected(this ILogger logger, int? statusCode, string? detail, TimeSpan delay);

    [LoggerMessage(2008, LogLevel.Information, "The catalog is back after {Failures} failed attempts")]
    public static partial void CatalogBack(this ILogger logger, int failures);

    [LoggerMessage(2009, LogLevel.Error, "Reporting failed unexpectedly; trying again in {Delay}")]
    public static partial void ReportFailed(this ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(2010, LogLevel.Error, "The catalog refused traffic summary {Sequence} ({Detail}); it is dropped so later reports can go through")]
    public static partial void TrafficSummaryRefused(this ILogger logger, long sequence, string? detail);
}
