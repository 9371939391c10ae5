namespace Periscope.Kubernetes.Watching;

/// <summary>What to watch and how to recover.</summary>
internal sealed record WatchOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Start here without listing first; null lists, then watches from the list's resourceVersion.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Page size of the (re-)list. Default 500, as client-go's reflector.</summary>
    public int ListPageSize { get; init; } = 500;

    /// <summary>
    /// Server-side end of each watch request; the watcher then resumes. client-go picks 5–10 minutes
    /// so that connections are rebalanced across API servers.
    /// </summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>First wait after a failed connection; doubled on each further failure. Default 1 s.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts. Default 30 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
