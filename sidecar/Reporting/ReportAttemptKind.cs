namespace Periscope.Sidecar.Reporting;

internal enum ReportAttemptKind
{
    /// <summary>2xx: the catalog took the report.</summary>
    Accepted,

    /// <summary>No answer: connection refused, reset, or timed out.</summary>
    Unreachable,

    /// <summary>5xx or 429: the catalog is there but cannot take the report now.</summary>
    Unavailable,

    /// <summary>Any other 4xx: the catalog refuses this report (or these credentials).</summary>
    Rejected,
}
