using System.Net;
using Periscope.Catalog.Contracts;

namespace Periscope.Sidecar.Reporting;

/// <summary>How one POST of a report went.</summary>
/// <param name="Detail">Why it failed: the error, or the catalog's problem detail.</param>
internal sealed record ReportAttempt(ReportAttemptKind Kind, HttpStatusCode? Status = null, string? Detail = null)
{
    /// <summary>The catalog's answer; null when an accepted report's body could not be read.</summary>
    public ReportResponse? Response { get; init; }

    /// <summary>The catalog's Retry-After (RFC 9110 §10.2.3), when it sent one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static ReportAttempt Accepted(HttpStatusCode status, ReportResponse? response) =>
        new(ReportAttemptKind.Accepted, status) { Response = response };

    public static ReportAttempt Unreachable(string detail) => new(ReportAttemptKind.Unreachable, Detail: detail);

    public static ReportAttempt Unavailable(HttpStatusCode status, TimeSpan? retryAfter) =>
        new(ReportAttemptKind.Unavailable, status) { RetryAfter = retryAfter };

    public static ReportAttempt Rejected(HttpStatusCode status, string detail) => new(ReportAttemptKind.Rejected, status, detail);
}
