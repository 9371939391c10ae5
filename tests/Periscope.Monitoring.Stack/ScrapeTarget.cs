namespace Periscope.Monitoring.Stack;

/// <summary>
/// One scrape job with one target. <paramref name="MetricsAddress"/> is the full URL scraped
/// (scheme, host:port and metrics_path are taken from it; an empty path means /metrics).
/// </summary>
public sealed record ScrapeTarget(string JobName, Uri MetricsAddress)
{
    /// <summary>Sent as <c>Authorization: Bearer</c> (scrape_config authorization.credentials).</summary>
    public string? BearerToken { get; init; }

    /// <summary>Target labels added to every series of the job (static_configs labels).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Overrides the global scrape interval for this job.</summary>
    public TimeSpan? ScrapeInterval { get; init; }
}
