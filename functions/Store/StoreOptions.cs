using System.ComponentModel.DataAnnotations;

namespace Periscope.Functions.Store;

/// <summary>Configuration section <c>Store</c>.</summary>
internal sealed record StoreOptions
{
    public const string Section = "Store";

    /// <summary>Folder of the SQLite database <c>catalog.db</c>; created if missing. Default <c>.data</c> under the working directory.</summary>
    [Required]
    public string DataDirectory { get; init; } = ".data";

    /// <summary>How long a write waits for SQLite's lock before failing. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Operations a service keeps traffic for. Inferred operations come from paths callers choose; each
    /// sidecar bounds its own, but many pods over months still add up, so past this bound the requests of
    /// operations not seen before count as unattributed. Default 10,000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxTrafficOperations { get; init; } = 10_000;

    /// <summary>
    /// How often the write-ahead log is copied back into the database, off the request path (<c>SqliteCheckpointer</c>).
    /// Default 250 ms: under back-to-back 1,000-alert payloads the log grew by up to 10,000 frames a second, so at 1 s
    /// SQLite's own checkpoint still ran inside a commit now and then (p99 89–98 ms against 32–36 ms at 250 ms,
    /// bench/alerts/run.sh). An idle store's checkpoint finds nothing to copy.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
